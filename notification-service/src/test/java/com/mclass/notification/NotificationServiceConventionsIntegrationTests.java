package com.mclass.notification;

import com.mclass.platform.test.ServiceConventionsContract;

@NotificationIntegrationTest
class NotificationServiceConventionsIntegrationTests extends ServiceConventionsContract {

}
