package org.gongjian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Gongjian (攻坚): a reform programme platform for a city government. */
@SpringBootApplication
@EnableScheduling
public class GongjianApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongjianApplication.class, args);
    }
}
