package com.mclass.auth;

import com.mclass.platform.test.ServiceConventionsContract;

@AuthServiceIntegrationTest
class AuthServiceConventionsIntegrationTests extends ServiceConventionsContract {

}
