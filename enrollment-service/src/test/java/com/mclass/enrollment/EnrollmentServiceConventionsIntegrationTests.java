package com.mclass.enrollment;

import com.mclass.platform.test.ServiceConventionsContract;

@EnrollmentServiceIntegrationTest
class EnrollmentServiceConventionsIntegrationTests extends ServiceConventionsContract {

}
