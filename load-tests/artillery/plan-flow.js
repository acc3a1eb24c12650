// Per virtual user: a new student (unique email), and the bodies Artillery's templates cannot build (arrays).
'use strict';
const crypto = require('node:crypto');

function newStudent(context, events, done) {
  const id = crypto.randomUUID();
  context.vars.email = `artillery-${id}@bench.mclass.local`;
  context.vars.password = 'Bench-password-1';
  context.vars.name = '부하 ' + id.slice(0, 8);
  context.vars.phone = '010-' + String(1000 + Math.floor(Math.random() * 9000)) + '-' + String(1000 + Math.floor(Math.random() * 9000));
  context.vars.key = crypto.randomUUID();
  context.vars.classId = process.env.MCLASS_ARTILLERY_CLASS;
  // Each student from an address of their own (10.0.0.0/8), as behind a load balancer: the gateway's per-address
  // limits on sign-up and sign-in then count students, not the load generator (it believes the header only from
  // MCLASS_GATEWAY_TRUSTED_PROXIES, e.g. 127.0.0.1/32).
  context.vars.address = `10.${randomByte()}.${randomByte()}.${1 + Math.floor(Math.random() * 254)}`;
  return done();
}

function randomByte() {
  return Math.floor(Math.random() * 256);
}

function registerBody(requestParams, context, events, done) {
  requestParams.json = {
    email: context.vars.email,
    password: context.vars.password,
    name: context.vars.name,
    phone: context.vars.phone,
    termIds: JSON.parse(process.env.MCLASS_ARTILLERY_TERMS || '[]'),
  };
  return done();
}

// Answers to the demo form the class is given (DemoClasses' first-come form).
function enrollBody(requestParams, context, events, done) {
  requestParams.json = {
    answers: {
      name: context.vars.name,
      phone: context.vars.phone,
      email: context.vars.email,
      level: '1년 미만',
      interests: ['백엔드'],
      privacy: true,
    },
  };
  return done();
}

module.exports = { newStudent, registerBody, enrollBody };
