package org.gongjian.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection on loopback for the benchmarks (check-ins, measurement writes): it writes a request and reads the
 * status, headers and body (by Content-Length or chunked) of the answer. Real HTTP over a real socket, without the
 * selector threads and futures of {@code java.net.http}, so that the client's own CPU stays small beside the
 * server's on the same two cores (the benchmark measures both).
 */
public final class HttpConnection implements AutoCloseable {

    /** A status and body. */
    public record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    public HttpConnection(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        connect();
    }

    /** Opens the connection (again, after the server closed it: Tomcat ends a keep-alive connection every 100 requests). */
    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8_192);
    }

    /** A POST of a JSON body with a bearer token, as bytes ready to send. */
    public static byte[] post(String host, int port, String path, String bearer, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** A GET with a bearer token, as bytes ready to send. */
    public static byte[] get(String host, int port, String path, String bearer) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends a request and reads its answer. */
    public Answer exchange(byte[] request) throws IOException {
        send(request);
        return receive();
    }

    public void send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    public Answer receive() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; !(h = line()).isEmpty(); ) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        if (chunked) {
            for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        if (close) {
            socket.close();
            connect();
        }
        return new Answer(code, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
