package org.gongjian.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local group-robot endpoint (JDK HttpServer on a free loopback port): records each request and
 * answers like WeCom and DingTalk do, {@code {"errcode":0,"errmsg":"ok"}}, or fails while "down".
 */
final class RobotReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, String query, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile boolean down;

    RobotReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] answer;
            int status;
            if (down) {
                status = 503;
                answer = "{\"errcode\":-1,\"errmsg\":\"system busy\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), body));
                status = 200;
                answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
