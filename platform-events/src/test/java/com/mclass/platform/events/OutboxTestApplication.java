package com.mclass.platform.events;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
class OutboxTestApplication {

}
