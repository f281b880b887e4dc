package org.minga;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Minga: one deployable, one module per capability (see docs/ARCHITECTURE.md). */
@Modulithic(systemName = "Minga", sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MingaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MingaApplication.class, args);
    }
}
