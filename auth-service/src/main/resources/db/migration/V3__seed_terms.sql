-- The first version of each term, in Korean (the service's language). Fixed ids keep environments comparable;
-- later versions are published through POST /api/admin/terms, never by editing these rows.
INSERT INTO term (id, type, title, content, is_required, version, created_at) VALUES
('6f1c2a52-3b7e-4c1d-9a10-000000000001', 'SERVICE', '서비스 이용약관',
 E'제1조 (목적)\n이 약관은 MClass(이하 "회사")가 제공하는 온라인 클래스 수강신청 서비스(이하 "서비스")의 이용 조건과 절차, 회사와 회원의 권리와 의무를 정합니다.\n\n'
 || E'제2조 (회원가입)\n이용자는 회사가 정한 양식에 따라 회원정보를 기입하고 이 약관에 동의하여 회원가입을 신청합니다.\n\n'
 || E'제3조 (수강신청)\n회원은 모집 기간 안에 클래스별 신청서를 제출하여 수강을 신청할 수 있으며, 정원과 선발 방식에 따라 승인, 대기 또는 거절될 수 있습니다.\n\n'
 || E'제4조 (회원의 의무)\n회원은 타인의 정보를 도용하거나 서비스 운영을 방해해서는 안 됩니다.',
 true, 1, now()),
('6f1c2a52-3b7e-4c1d-9a10-000000000002', 'PRIVACY', '개인정보 수집 및 이용 동의',
 E'1. 수집 항목: 이메일, 이름, 비밀번호(암호화 저장), 소셜 로그인 시 제공자가 전달한 식별자\n'
 || E'2. 수집 목적: 회원 식별, 수강신청 처리 및 결과 안내, 부정 이용 방지\n'
 || E'3. 보유 기간: 회원 탈퇴 시까지. 관계 법령이 보존을 요구하는 정보는 해당 기간 동안 보관합니다.\n'
 || E'4. 동의를 거부할 수 있으나, 거부 시 회원가입과 수강신청을 할 수 없습니다.',
 true, 1, now()),
('6f1c2a52-3b7e-4c1d-9a10-000000000003', 'ENROLLMENT', '수강신청 안내 및 마케팅 정보 수신 동의 (선택)',
 E'새로 열리는 클래스와 모집 일정, 이벤트 소식을 이메일로 받아보실 수 있습니다. 동의하지 않아도 서비스 이용에는 제한이 없습니다.',
 false, 1, now());
