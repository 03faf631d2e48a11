package th.phatthana.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;

/** The Phatthana application: every module's beans live under {@code th.phatthana}. */
@SpringBootApplication(scanBasePackages = "th.phatthana")
@EnableMongoRepositories(basePackages = "th.phatthana")
public class PhatthanaApplication {
    public static void main(String[] args) {
        SpringApplication.run(PhatthanaApplication.class, args);
    }
}
