package com.mclass.classes;

import org.springframework.boot.test.context.SpringBootTest;

import com.mclass.platform.test.RealInfrastructure;
import com.mclass.platform.test.ServiceConventionsContract;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "mclass_class")
class ClassServiceConventionsIntegrationTests extends ServiceConventionsContract {

}
