package vn.schoolguard.bootapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny school news site: articles with comments, nothing SchoolGuard-specific in its code. */
@SpringBootApplication
public class SchoolSite {

    public static void main(String[] args) {
        SpringApplication.run(SchoolSite.class, args);
    }
}
