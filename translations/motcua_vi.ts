<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>ActionDialogs</name>
    <message>
        <source>Draft result, &amp;note:</source>
        <translation>Dự thảo kết quả, &amp;ghi chú:</translation>
    </message>
    <message>
        <source>What to &amp;rework:</source>
        <translation>Nội dung cần &amp;xử lý lại:</translation>
    </message>
    <message>
        <source>&amp;Reason and directions:</source>
        <translation>&amp;Lý do và hướng dẫn:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Awaiting intake</source>
        <translation>Chờ tiếp nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Đã rút hồ sơ</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>Awaiting assignment</source>
        <translation>Chờ phân công</translation>
    </message>
    <message>
        <source>In appraisal</source>
        <translation>Đang thẩm định</translation>
    </message>
    <message>
        <source>Consulting other agencies</source>
        <translation>Đang xin ý kiến</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Chờ phê duyệt</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>Không giải quyết</translation>
    </message>
    <message>
        <source>Stopped on request</source>
        <translation>Dừng xử lý theo yêu cầu</translation>
    </message>
    <message>
        <source>Result ready for return</source>
        <translation>Đang trả kết quả</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Được tiếp nhận</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã trả lại</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xử lý xong</translation>
    </message>
    <message>
        <source>National public service portal</source>
        <translation>Cổng Dịch vụ công quốc gia</translation>
    </message>
    <message>
        <source>In person at the counter</source>
        <translation>Trực tiếp tại Bộ phận Một cửa</translation>
    </message>
    <message>
        <source>Public postal service</source>
        <translation>Dịch vụ bưu chính công ích</translation>
    </message>
    <message>
        <source>Hired service provider</source>
        <translation>Thuê dịch vụ của doanh nghiệp, cá nhân</translation>
    </message>
    <message>
        <source>Authorised representative</source>
        <translation>Ủy quyền</translation>
    </message>
    <message>
        <source>Mobile or on-site intake</source>
        <translation>Tiếp nhận lưu động, tại chỗ</translation>
    </message>
    <message>
        <source>Submitted online</source>
        <translation>Nộp trực tuyến</translation>
    </message>
    <message>
        <source>Accept (receive)</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Request supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Record supplement</source>
        <translation>Nhận bổ sung</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Rút hồ sơ</translation>
    </message>
    <message>
        <source>Pass on</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Phân công lại</translation>
    </message>
    <message>
        <source>Consult</source>
        <translation>Xin ý kiến</translation>
    </message>
    <message>
        <source>Record opinion</source>
        <translation>Ghi nhận ý kiến</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Trình phê duyệt</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Trả lại để xử lý lại</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Không giải quyết</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng xử lý</translation>
    </message>
    <message>
        <source>Receive result</source>
        <translation>Nhận kết quả</translation>
    </message>
    <message>
        <source>Return result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>Counter officer</source>
        <translation>Cán bộ một cửa</translation>
    </message>
    <message>
        <source>Appraiser</source>
        <translation>Cán bộ thẩm định</translation>
    </message>
    <message>
        <source>Department head</source>
        <translation>Lãnh đạo phòng</translation>
    </message>
    <message>
        <source>Unit leader</source>
        <translation>Lãnh đạo đơn vị</translation>
    </message>
    <message>
        <source>Procedure controller</source>
        <translation>Cán bộ kiểm soát thủ tục</translation>
    </message>
    <message>
        <source>Archivist</source>
        <translation>Văn thư lưu trữ</translation>
    </message>
    <message>
        <source>Awaiting supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <source>Awaiting return</source>
        <translation>Chờ trả kết quả</translation>
    </message>
    <message>
        <source>Supplemented, awaiting intake</source>
        <translation>Đã bổ sung, chờ tiếp nhận</translation>
    </message>
    <message>
        <source>Nearly due</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>All dossiers</source>
        <translation>Tất cả hồ sơ</translation>
    </message>
    <message>
        <source>Being appraised, on time</source>
        <translation>Đang thẩm định, trong hạn</translation>
    </message>
    <message>
        <source>Being appraised, overdue</source>
        <translation>Đang thẩm định, quá hạn</translation>
    </message>
    <message>
        <source>Submitted for signing</source>
        <translation>Đã trình ký</translation>
    </message>
    <message>
        <source>Awaiting assignment, on time</source>
        <translation>Chờ phân công, trong hạn</translation>
    </message>
    <message>
        <source>Awaiting assignment, overdue</source>
        <translation>Chờ phân công, quá hạn</translation>
    </message>
    <message>
        <source>Awaiting the unit leader&apos;s signature</source>
        <translation>Chờ lãnh đạo đơn vị ký</translation>
    </message>
    <message>
        <source>Taken part in</source>
        <translation>Đã tham gia xử lý</translation>
    </message>
    <message>
        <source>Supplemented, awaiting processing</source>
        <translation>Đã bổ sung, chờ xử lý</translation>
    </message>
    <message>
        <source>Dossiers I took part in</source>
        <translation>Hồ sơ đã tham gia xử lý</translation>
    </message>
    <message>
        <source>Signed and approved</source>
        <translation>Đã ký duyệt</translation>
    </message>
    <message>
        <source>Returned with directions</source>
        <translation>Đã trả lại kèm hướng dẫn</translation>
    </message>
    <message>
        <source>Not yet returned (originals missing)</source>
        <translation>Chưa trả (thiếu bản chính)</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>In phiếu</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>In progress</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Nearly due</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>List to choose from</source>
        <translation>Danh sách chọn</translation>
    </message>
</context>
<context>
    <name>ScanAttach</name>
    <message>
        <source>&quot;%1&quot; could not be read: %2</source>
        <translation>Không đọc được tệp &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty and was not attached.</source>
        <translation>Tệp &quot;%1&quot; rỗng nên không được đính kèm.</translation>
    </message>
    <message>
        <source>The scanned documents were attached unsigned: %1</source>
        <translation>Các tài liệu quét đã được đính kèm nhưng chưa ký số: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n scanned document(s) signed with your token and attached.</source>
        <translation><numerusform>Đã ký số %n tài liệu quét bằng token của bạn và đính kèm.</numerusform></translation>
    </message>
    <message>
        <source>Digitised from the paper original at the one-stop counter</source>
        <translation>Số hoá từ bản giấy tại Bộ phận Một cửa</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not found.</source>
        <translation>Không tìm thấy tệp &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Đính kèm tệp</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Tài liệu (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MotCua: one-stop counter client (Circular 21/2023/TT-BTTTT).</source>
        <translation>MotCua: phần mềm Bộ phận Một cửa (Thông tư 21/2023/TT-BTTTT).</translation>
    </message>
    <message>
        <source>Server address (saved).</source>
        <translation>Địa chỉ máy chủ (được ghi nhớ).</translation>
    </message>
    <message>
        <source>Profile folder (cache, blobs).</source>
        <translation>Thư mục hồ sơ máy trạm (bộ đệm, tệp).</translation>
    </message>
    <message>
        <source>Username to pre-fill.</source>
        <translation>Tên đăng nhập điền sẵn.</translation>
    </message>
    <message>
        <source>Catalogues not refreshed</source>
        <translation>Chưa cập nhật được danh mục</translation>
    </message>
</context>
<context>
    <name>motcua::ui::AccountsPage</name>
    <message>
        <source>Search by name, user name or title (Ctrl+F), Enter</source>
        <translation>Tìm theo họ tên, tên đăng nhập hoặc chức danh (Ctrl+F), Enter</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>Activate / deactivate</source>
        <translation>Kích hoạt / khóa</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>Export the officer list</source>
        <translation>Xuất danh sách cán bộ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s).</source>
        <translation><numerusform>%n tài khoản.</numerusform></translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng ban</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Đã tạo tài khoản %1.</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Hãy chọn một tài khoản trước.</translation>
    </message>
    <message>
        <source>Account %1 activated.</source>
        <translation>Đã kích hoạt tài khoản %1.</translation>
    </message>
    <message>
        <source>Account %1 deactivated; its sessions have ended.</source>
        <translation>Đã khóa tài khoản %1; các phiên đăng nhập của tài khoản đã kết thúc.</translation>
    </message>
    <message>
        <source>Password of %1 reset; its sessions have ended.</source>
        <translation>Đã đặt lại mật khẩu của %1; các phiên đăng nhập của tài khoản đã kết thúc.</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) exported to %1.</source>
        <translation><numerusform>Đã xuất %n tài khoản ra %1.</numerusform></translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Sửa tài khoản</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Account %1 saved.</source>
        <translation>Đã lưu tài khoản %1.</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV files (*.csv)</source>
        <translation>Bảng tính Excel (*.xlsx);;Tệp CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ActionRunner</name>
    <message>
        <source>Pass on &amp;to:</source>
        <translation>Chuyển &amp;đến:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>What to supplement, with &amp;guidance:</source>
        <translation>Nội dung cần bổ sung và &amp;hướng dẫn:</translation>
    </message>
    <message>
        <source>%1: %2 — done, waiting to sync.</source>
        <translation>%1: %2 — đã ghi, chờ đồng bộ.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n dossier(s)</source>
        <translation><numerusform>%1 — %n hồ sơ</numerusform></translation>
    </message>
    <message>
        <source>%1: %2 dossier(s) done, waiting to sync.</source>
        <translation>%1: đã xong %2 hồ sơ, chờ đồng bộ.</translation>
    </message>
    <message numerus="yes">
        <source>Sign the results of %n dossier(s)</source>
        <translation><numerusform>Ký số kết quả của %n hồ sơ</numerusform></translation>
    </message>
</context>
<context>
    <name>motcua::ui::AdminPage</name>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Procedure import</source>
        <translation>Nhập thủ tục</translation>
    </message>
    <message>
        <source>Form templates</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>Work calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <source>Administrative units</source>
        <translation>Đơn vị hành chính</translation>
    </message>
    <message>
        <source>Groups of officers</source>
        <translation>Nhóm cán bộ</translation>
    </message>
    <message>
        <source>Document types</source>
        <translation>Loại giấy tờ</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Status chart</source>
        <translation>Lưu đồ trạng thái</translation>
    </message>
    <message>
        <source>Procedure fields</source>
        <translation>Lĩnh vực</translation>
    </message>
</context>
<context>
    <name>motcua::ui::AgencyPage</name>
    <message>
        <source>Tokens: {agency}, {yyyy}, {yy}, {MM}, {dd}, {yyMMdd}, {seq:N}. Empty: the national structure.</source>
        <translation>Các thành phần: {agency}, {yyyy}, {yy}, {MM}, {dd}, {yyMMdd}, {seq:N}. Để trống: cấu trúc mã quốc gia.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Add a &amp;department</source>
        <translation>Thêm &amp;phòng ban</translation>
    </message>
    <message>
        <source>Remo&amp;ve the department</source>
        <translation>&amp;Bỏ phòng ban</translation>
    </message>
    <message>
        <source>Agency &amp;name:</source>
        <translation>&amp;Tên cơ quan:</translation>
    </message>
    <message>
        <source>Dossier &amp;code pattern:</source>
        <translation>&amp;Mẫu mã hồ sơ:</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Phòng ban</translation>
    </message>
    <message>
        <source>Intake channels the agency accepts (R12.3b)</source>
        <translation>Hình thức tiếp nhận hồ sơ cơ quan áp dụng</translation>
    </message>
    <message>
        <source>Agency %1 loaded.</source>
        <translation>Đã tải thông tin cơ quan %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — national code %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — mã định danh %2</translation>
    </message>
    <message>
        <source>The first dossier received today: %1</source>
        <translation>Hồ sơ đầu tiên tiếp nhận hôm nay: %1</translation>
    </message>
    <message>
        <source>Tick at least one intake channel.</source>
        <translation>Hãy chọn ít nhất một hình thức tiếp nhận.</translation>
    </message>
    <message>
        <source>Agency %1 saved; workstations use it after their next sync.</source>
        <translation>Đã lưu thông tin cơ quan %1; các máy trạm áp dụng sau lần đồng bộ kế tiếp.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ApplicantPage</name>
    <message>
        <source>Read CCCD &amp;photo… (Ctrl+Shift+O)</source>
        <translation>Đọc ả&amp;nh CCCD… (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>2. Applicant</source>
        <translation>2. Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Type the details, scan the CCCD QR code into any field, or read a photo of the card.</source>
        <translation>Nhập thông tin, quét mã QR trên CCCD vào ô bất kỳ, hoặc đọc ảnh chụp thẻ.</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Organisation or business</source>
        <translation>Tổ chức, doanh nghiệp</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Applicant &amp;type:</source>
        <translation>&amp;Loại người nộp:</translation>
    </message>
    <message>
        <source>&amp;Tax code:</source>
        <translation>&amp;Mã số thuế:</translation>
    </message>
    <message>
        <source>&amp;Organisation name:</source>
        <translation>Tên tổ &amp;chức:</translation>
    </message>
    <message>
        <source>Personal &amp;ID (CCCD):</source>
        <translation>Số định &amp;danh (CCCD):</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Điện t&amp;hoại:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Thư điện tử:</translation>
    </message>
    <message>
        <source>Photo or scan of the CCCD</source>
        <translation>Ảnh chụp hoặc bản quét CCCD</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ApplicantsPanel</name>
    <message>
        <source>Name, organisation, ID or tax code, address, phone… (Ctrl+F)</source>
        <translation>Tên, tổ chức, số định danh hoặc MST, địa chỉ, điện thoại… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>Tra cứu (Enter)</translation>
    </message>
    <message>
        <source>Export .xlsx / .csv… (Ctrl+Shift+X)</source>
        <translation>Xuất .xlsx / .csv… (Ctrl+Shift+X)</translation>
    </message>
    <message numerus="yes">
        <source>%n applicant(s) served in the period.</source>
        <translation><numerusform>%n tổ chức, cá nhân nộp hồ sơ trong kỳ.</numerusform></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Đã lưu %1.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>Search first: the list is empty.</source>
        <translation>Hãy tìm trước: danh sách đang trống.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export the applicants</source>
        <translation>Xuất danh sách người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Reading the applicants served from the local cache…</source>
        <translation>Đang đọc danh sách người nộp hồ sơ từ bộ đệm…</translation>
    </message>
</context>
<context>
    <name>motcua::ui::CalendarPage</name>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Name of the day off, e.g. Nghỉ hoán đổi (làm bù thứ Bảy 25/4)</source>
        <translation>Tên ngày nghỉ, ví dụ Nghỉ hoán đổi (làm bù thứ Bảy 25/4)</translation>
    </message>
    <message>
        <source>The Prime Minister&apos;s notice or decision for this year</source>
        <translation>Thông báo hoặc quyết định của Thủ tướng cho năm này</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> ngày làm việc</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>Tải lại (F5)</translation>
    </message>
    <message>
        <source>Import CSV (Ctrl+O)</source>
        <translation>Nhập CSV (Ctrl+O)</translation>
    </message>
    <message>
        <source>A year&apos;s days off as CSV</source>
        <translation>Danh sách ngày nghỉ của năm (CSV)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV (Ctrl+Shift+X)</source>
        <translation>Xuất CSV (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Export the year&apos;s days off</source>
        <translation>Xuất danh sách ngày nghỉ của năm</translation>
    </message>
    <message>
        <source>Save to the server (Ctrl+S)</source>
        <translation>Lưu lên máy chủ (Ctrl+S)</translation>
    </message>
    <message>
        <source>Add day off (Ctrl+Shift+N)</source>
        <translation>Thêm ngày nghỉ (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Add swapped working day (Ctrl+Shift+L)</source>
        <translation>Thêm ngày làm bù (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Change selected (Ctrl+Shift+E)</source>
        <translation>Sửa dòng đang chọn (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Delete selected (Del)</source>
        <translation>Xóa dòng đang chọn (Del)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>&amp;Year (Ctrl+Y):</source>
        <translation>&amp;Năm (Ctrl+Y):</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Swapped working days (làm bù)</source>
        <translation>Ngày làm việc bù (làm bù)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>N&amp;gày:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>Day beside National Day (2/9):</source>
        <translation>Ngày nghỉ liền kề Quốc khánh (2/9):</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Căn cứ:</translation>
    </message>
    <message>
        <source>Preview with the edited calendar</source>
        <translation>Xem trước với lịch đang sửa</translation>
    </message>
    <message>
        <source>A dossier &amp;received on</source>
        <translation>Hồ sơ tiếp nhận &amp;vào ngày</translation>
    </message>
    <message>
        <source>with a deadline of</source>
        <translation>với thời hạn</translation>
    </message>
    <message>
        <source>Reading the calendar from the server…</source>
        <translation>Đang đọc lịch từ máy chủ…</translation>
    </message>
    <message>
        <source>The calendar in force on the server.</source>
        <translation>Lịch đang áp dụng trên máy chủ.</translation>
    </message>
    <message>
        <source>Changed, not saved yet: Ctrl+S sends it to the server.</source>
        <translation>Đã sửa, chưa lưu: nhấn Ctrl+S để gửi lên máy chủ.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Holiday (by law)</source>
        <translation>Ngày lễ (theo luật)</translation>
    </message>
    <message>
        <source>Compensatory day</source>
        <translation>Nghỉ bù</translation>
    </message>
    <message>
        <source>Government day off</source>
        <translation>Nghỉ theo quyết định</translation>
    </message>
    <message>
        <source>By the default rule (%1)</source>
        <translation>Theo quy tắc mặc định (%1)</translation>
    </message>
    <message>
        <source>Select a day off or a swapped working day in the tables first.</source>
        <translation>Hãy chọn một ngày nghỉ hoặc một ngày làm bù trong bảng trước.</translation>
    </message>
    <message>
        <source>Holidays and compensatory days follow from the Labour Code and cannot be changed; only the government&apos;s days off and swapped working days can.</source>
        <translation>Ngày lễ và ngày nghỉ bù do Bộ luật Lao động quy định nên không sửa được; chỉ sửa được ngày nghỉ theo quyết định của Chính phủ và ngày làm bù.</translation>
    </message>
    <message>
        <source>Write the date of receipt as dd/MM/yyyy.</source>
        <translation>Nhập ngày tiếp nhận dạng dd/MM/yyyy.</translation>
    </message>
    <message>
        <source>beyond the calendar</source>
        <translation>ngoài phạm vi lịch</translation>
    </message>
    <message numerus="yes">
        <source>A dossier received at 08:00 on %1 with a deadline of %n working day(s) is due at %2.</source>
        <translation><numerusform>Hồ sơ tiếp nhận lúc 08:00 ngày %1 với thời hạn %n ngày làm việc sẽ đến hạn lúc %2.</numerusform></translation>
    </message>
    <message>
        <source>With the calendar in force on the server it is due at %1.</source>
        <translation>Theo lịch đang áp dụng trên máy chủ thì đến hạn lúc %1.</translation>
    </message>
    <message>
        <source>Saving the calendar…</source>
        <translation>Đang lưu lịch…</translation>
    </message>
    <message>
        <source>Reload (F5) and make your changes again.</source>
        <translation>Hãy tải lại (F5) rồi sửa lại.</translation>
    </message>
    <message>
        <source>Saved: the server&apos;s calendar is the one shown. Workstations take it up at their next catalogue update.</source>
        <translation>Đã lưu: lịch trên máy chủ là lịch đang hiển thị. Các máy trạm sẽ nhận lịch mới ở lần cập nhật danh mục kế tiếp.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n fault(s); nothing was taken from it. Correct the rows below and import it again.</source>
        <translation><numerusform>Tệp có %n lỗi; chưa lấy dữ liệu nào từ tệp. Hãy sửa các dòng dưới đây rồi nhập lại.</numerusform></translation>
    </message>
    <message>
        <source>Imported %1 day(s) off and %2 swapped working day(s) for %3; not saved yet (Ctrl+S).</source>
        <translation>Đã nhập %1 ngày nghỉ và %2 ngày làm bù cho năm %3; chưa lưu (Ctrl+S).</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message>
        <source>Exported the days of %1 to %2.</source>
        <translation>Đã xuất danh sách ngày của năm %1 ra %2.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Open on Saturday &amp;mornings (07:30–11:30)</source>
        <translation>Làm việc sáng thứ &amp;Bảy (07:30–11:30)</translation>
    </message>
    <message>
        <source>closed (e.g. 07:30-11:30, 13:30-17:00)</source>
        <translation>nghỉ (ví dụ 07:30-11:30, 13:30-17:00)</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <source>Standard hours</source>
        <translation>Giờ chuẩn</translation>
    </message>
    <message>
        <source>07:30–11:30 and 13:30–17:00, Monday to Friday</source>
        <translation>07:30–11:30 và 13:30–17:00, từ thứ Hai đến thứ Sáu</translation>
    </message>
    <message>
        <source>Office hours of every office, every year (Ctrl+H)</source>
        <translation>Giờ làm việc của mọi cơ quan, áp dụng mọi năm (Ctrl+H)</translation>
    </message>
    <message>
        <source>Due dates count working time within these hours; a swapped working weekend day keeps Monday&apos;s hours.</source>
        <translation>Hạn giải quyết được tính theo thời gian làm việc trong các khung giờ này; ngày làm bù cuối tuần theo giờ của thứ Hai.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Give the office hours of at least one day of the week.</source>
        <translation>Hãy nhập giờ làm việc của ít nhất một ngày trong tuần.</translation>
    </message>
    <message>
        <source>The office hours have a fault (shown under them); nothing was saved.</source>
        <translation>Giờ làm việc có lỗi (ghi ngay bên dưới); chưa lưu gì lên máy chủ.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::CataloguePage</name>
    <message>
        <source>Find by code or name (Ctrl+F)</source>
        <translation>Tìm theo mã hoặc tên (Ctrl+F)</translation>
    </message>
    <message>
        <source>New document type</source>
        <translation>Thêm loại giấy tờ</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>Thêm lĩnh vực</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Import a national list…</source>
        <translation>Nhập danh mục quốc gia…</translation>
    </message>
    <message>
        <source>National catalogue list</source>
        <translation>Danh mục quốc gia</translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>Danh mục (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Xuất ra CSV…</translation>
    </message>
    <message>
        <source>Export the catalogue</source>
        <translation>Xuất danh mục</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>The province&apos;s document types. Each says what data its documents carry (holder, issue date, validity…, and its own fields): the counter&apos;s intake form for a component is built from it (F4 at intake).</source>
        <translation>Danh mục loại giấy tờ dùng chung của tỉnh. Mỗi loại quy định dữ liệu điện tử giấy tờ đó mang theo (chủ thể, ngày cấp, hiệu lực… và các trường riêng): biểu mẫu nhập thông tin thành phần hồ sơ khi tiếp nhận được dựng từ đây (F4 khi tiếp nhận).</translation>
    </message>
    <message>
        <source>The province&apos;s fields (lĩnh vực) procedures are classified in, with their national codes.</source>
        <translation>Danh mục lĩnh vực dùng để phân loại thủ tục hành chính, theo mã quốc gia.</translation>
    </message>
    <message numerus="yes">
        <source>%n document type(s).</source>
        <translation><numerusform>%n loại giấy tờ.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n field(s).</source>
        <translation><numerusform>%n lĩnh vực.</numerusform></translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Required at intake</source>
        <translation>Bắt buộc khi tiếp nhận</translation>
    </message>
    <message>
        <source>Own data fields</source>
        <translation>Trường dữ liệu riêng</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Select an entry first.</source>
        <translation>Hãy chọn một dòng trước.</translation>
    </message>
    <message>
        <source>The catalogue already has the code &quot;%1&quot;.</source>
        <translation>Danh mục đã có mã &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Document type %1 saved; workstations use its form after their next sync.</source>
        <translation>Đã lưu loại giấy tờ %1; các máy trạm dùng biểu mẫu mới sau lần đồng bộ kế tiếp.</translation>
    </message>
    <message>
        <source>Field %1 saved.</source>
        <translation>Đã lưu lĩnh vực %1.</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from the catalogue? Workstations drop it at their next sync.</source>
        <translation>Xóa &quot;%1&quot; khỏi danh mục? Các máy trạm bỏ mục này sau lần đồng bộ kế tiếp.</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>Đã xóa %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported; correct the file and import it again:</source>
        <translation>Chưa nhập mục nào; hãy sửa tệp rồi nhập lại:</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Chưa nhập mục nào: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) imported.</source>
        <translation><numerusform>Đã nhập %n mục.</numerusform></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>Catalogue written to %1.</source>
        <translation>Đã ghi danh mục vào %1.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ChartPage</name>
    <message>
        <source>&amp;Use this step</source>
        <translation>&amp;Dùng bước này</translation>
    </message>
    <message>
        <source>The steps a dossier takes from stage to stage (R04.2). Steps that are the applicant&apos;s right or that every dossier takes are locked; the others may be switched off, and any step may be given to fewer roles. The server applies a saved chart to the next action at once; workstations after their next sync.</source>
        <translation>Các bước chuyển trạng thái của hồ sơ (R04.2). Bước là quyền của công dân hoặc bước mọi hồ sơ đều đi qua thì bị khóa; các bước khác có thể tắt, và bước nào cũng có thể giao cho ít vai trò hơn. Máy chủ áp dụng lưu đồ đã lưu ngay từ thao tác tiếp theo; các máy trạm sau lần đồng bộ kế tiếp.</translation>
    </message>
    <message>
        <source>At stage</source>
        <translation>Tại bước</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Leads to</source>
        <translation>Dẫn tới</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Sử dụng</translation>
    </message>
    <message>
        <source>Who may take it</source>
        <translation>Vai trò được thực hiện</translation>
    </message>
    <message>
        <source>Roles that may take this step:</source>
        <translation>Vai trò được thực hiện bước này:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Back to the standard chart</source>
        <translation>Về lưu đồ chuẩn</translation>
    </message>
    <message>
        <source>The standard chart is in force.</source>
        <translation>Đang áp dụng lưu đồ chuẩn.</translation>
    </message>
    <message>
        <source>The province&apos;s chart loaded: it differs from the standard in %1 step(s).</source>
        <translation>Đã tải lưu đồ của tỉnh: khác lưu đồ chuẩn ở %1 bước.</translation>
    </message>
    <message>
        <source>(stays at this stage)</source>
        <translation>(giữ nguyên bước)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Bật</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <source>May be switched off</source>
        <translation>Có thể tắt</translation>
    </message>
    <message>
        <source>— switched off —</source>
        <translation>— đã tắt —</translation>
    </message>
    <message>
        <source>Switched off: %1 · roles narrowed: %2</source>
        <translation>Đã tắt: %1 · thu hẹp vai trò: %2</translation>
    </message>
    <message>
        <source>Selected step</source>
        <translation>Bước đang chọn</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at the stage &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; tại bước &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>Bị khóa: %1</translation>
    </message>
    <message>
        <source>The agency&apos;s choice: may be switched off.</source>
        <translation>Do cơ quan lựa chọn: có thể tắt.</translation>
    </message>
    <message>
        <source>This step cannot be switched off: %1</source>
        <translation>Bước này không tắt được: %1</translation>
    </message>
    <message>
        <source>Every step in use needs at least one role; switch the step off instead if it may be.</source>
        <translation>Mỗi bước đang dùng phải có ít nhất một vai trò; nếu bước có thể tắt, hãy tắt bước đó.</translation>
    </message>
    <message>
        <source>Every step is back as in the standard chart; save (Ctrl+S) to apply it.</source>
        <translation>Mọi bước đã về như lưu đồ chuẩn; bấm Lưu (Ctrl+S) để áp dụng.</translation>
    </message>
    <message>
        <source>Status chart saved: the server applies it to the next action; workstations after their next sync.</source>
        <translation>Đã lưu lưu đồ trạng thái: máy chủ áp dụng từ thao tác tiếp theo, các máy trạm sau lần đồng bộ kế tiếp.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ComponentDataDialog</name>
    <message>
        <source>Document data: %1</source>
        <translation>Thông tin giấy tờ: %1</translation>
    </message>
    <message>
        <source>This document type is not in the catalogue: only the common data is asked.</source>
        <translation>Loại giấy tờ này chưa có trong danh mục: chỉ nhập các thông tin chung.</translation>
    </message>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2). %3 Fields marked (*) are required.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2). %3 Các trường có dấu (*) là bắt buộc.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ComponentsPage</name>
    <message>
        <source>3. Components and channel</source>
        <translation>3. Thành phần hồ sơ và hình thức tiếp nhận</translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Original/copy</source>
        <translation>Bản chính/bản sao</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Hình thức tiếp nhận:</translation>
    </message>
    <message>
        <source>&amp;Attach files to the selected component… (Ctrl+O)</source>
        <translation>Đính &amp;kèm tệp cho thành phần đang chọn… (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Scan for the selected component… (F7)</source>
        <translation>&amp;Quét cho thành phần đang chọn… (F7)</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Đánh dấu &amp;tất cả</translation>
    </message>
    <message>
        <source>%1 (if any)</source>
        <translation>%1 (nếu có)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>scan-%1-%2.pdf</source>
        <translation>ban-quet-%1-%2.pdf</translation>
    </message>
    <message>
        <source>scan-%1.pdf</source>
        <translation>ban-quet-%1.pdf</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Document &amp;data… (F4)</source>
        <translation>Thông tin &amp;giấy tờ… (F4)</translation>
    </message>
    <message>
        <source>The electronic data of the selected document (R05.1b): holder, issue date, validity and the fields its type asks for.</source>
        <translation>Dữ liệu điện tử của giấy tờ đang chọn: chủ thể, ngày cấp, hiệu lực và các trường loại giấy tờ yêu cầu.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation><numerusform>%n mục</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n required missing</source>
        <translation><numerusform>thiếu %n mục bắt buộc</numerusform></translation>
    </message>
    <message>
        <source>F4: enter the document&apos;s data</source>
        <translation>F4: nhập thông tin giấy tờ</translation>
    </message>
    <message>
        <source>Tick what the applicant handed in (Space), enter each document&apos;s data (F4), attach files (Ctrl+O) or scan them (F7), choose how the dossier came in.</source>
        <translation>Đánh dấu giấy tờ đã nhận (phím cách), nhập thông tin giấy tờ (F4), đính kèm tệp (Ctrl+O) hoặc quét (F7), chọn hình thức tiếp nhận.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ConflictsPanel</name>
    <message>
        <source>&amp;Redo on the current dossier (Ctrl+R)</source>
        <translation>&amp;Làm lại trên hồ sơ hiện tại (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Discard (Ctrl+D)</source>
        <translation>&amp;Bỏ qua (Ctrl+D)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Conflicts&lt;/h2&gt;&lt;p&gt;Actions the server did not accept, with its reason. Nothing is lost until you decide.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Xung đột&lt;/h2&gt;&lt;p&gt;Các thao tác máy chủ không chấp nhận, kèm lý do. Không có gì bị mất cho đến khi anh/chị quyết định.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>Lý do của máy chủ</translation>
    </message>
    <message>
        <source>No conflict.</source>
        <translation>Không có xung đột.</translation>
    </message>
    <message>
        <source>The dossier is no longer in the cache.</source>
        <translation>Hồ sơ không còn trong bộ đệm.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::Dashboard</name>
    <message>
        <source>Received in the period</source>
        <translation>Tiếp nhận trong kỳ</translation>
    </message>
    <message>
        <source>Dossiers received in the period (at the counter or from the portal).</source>
        <translation>Số hồ sơ tiếp nhận trong kỳ (tại Bộ phận Một cửa hoặc từ Cổng Dịch vụ công).</translation>
    </message>
    <message>
        <source>Resolved early or on time</source>
        <translation>Giải quyết trước hạn, đúng hạn</translation>
    </message>
    <message>
        <source>Share of the resolved dossiers completed no later than their due instant (after pauses for supplements and approved extensions).</source>
        <translation>Tỷ lệ hồ sơ đã giải quyết hoàn thành không muộn hơn thời hạn (sau khi tạm dừng chờ bổ sung và gia hạn được duyệt).</translation>
    </message>
    <message>
        <source>Resolved early</source>
        <translation>Giải quyết trước hạn</translation>
    </message>
    <message>
        <source>Share of the resolved dossiers completed on a day before their due day.</source>
        <translation>Tỷ lệ hồ sơ đã giải quyết hoàn thành vào ngày trước ngày hết hạn.</translation>
    </message>
    <message>
        <source>Average processing time</source>
        <translation>Thời gian giải quyết trung bình</translation>
    </message>
    <message>
        <source>Mean time from receipt to completion of the resolved dossiers, in calendar days.</source>
        <translation>Thời gian trung bình từ khi tiếp nhận đến khi hoàn thành của hồ sơ đã giải quyết, tính theo ngày lịch.</translation>
    </message>
    <message>
        <source>Digitised</source>
        <translation>Số hóa hồ sơ</translation>
    </message>
    <message>
        <source>Share of the received dossiers whose every component was digitised (scanned or filed electronically).</source>
        <translation>Tỷ lệ hồ sơ tiếp nhận có mọi thành phần đã được số hóa (quét hoặc nộp tệp điện tử).</translation>
    </message>
    <message>
        <source>Electronic results</source>
        <translation>Có kết quả điện tử</translation>
    </message>
    <message>
        <source>Share of the resolved dossiers with a result document on file.</source>
        <translation>Tỷ lệ hồ sơ đã giải quyết có văn bản kết quả điện tử.</translation>
    </message>
    <message>
        <source>Received online</source>
        <translation>Tiếp nhận trực tuyến</translation>
    </message>
    <message>
        <source>Share of the received dossiers that came through the national portal.</source>
        <translation>Tỷ lệ hồ sơ tiếp nhận qua Cổng Dịch vụ công quốc gia.</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 ngày</translation>
    </message>
    <message>
        <source>On-time share by field</source>
        <translation>Tỷ lệ đúng hạn theo lĩnh vực</translation>
    </message>
    <message>
        <source>On-time share by department</source>
        <translation>Tỷ lệ đúng hạn theo phòng ban</translation>
    </message>
    <message>
        <source>On-time share by officer</source>
        <translation>Tỷ lệ đúng hạn theo cán bộ</translation>
    </message>
    <message>
        <source>Received and resolved by month</source>
        <translation>Tiếp nhận và giải quyết theo tháng</translation>
    </message>
    <message>
        <source>Received in the month</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Resolved (of those)</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <source>%1 — month %2</source>
        <translation>%1 — tháng %2</translation>
    </message>
    <message>
        <source>Status of the dossiers received</source>
        <translation>Tình trạng hồ sơ tiếp nhận</translation>
    </message>
    <message>
        <source>Resolved on time</source>
        <translation>Giải quyết đúng hạn</translation>
    </message>
    <message>
        <source>Resolved late</source>
        <translation>Giải quyết quá hạn</translation>
    </message>
    <message>
        <source>Being resolved</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <source>Withdrawn, rejected, stopped</source>
        <translation>Rút, trả lại, dừng</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>(nothing resolved in the period)</source>
        <translation>(không có hồ sơ giải quyết trong kỳ)</translation>
    </message>
</context>
<context>
    <name>motcua::ui::Digitiser</name>
    <message>
        <source>There are no pages to finish (separator sheets are not pages).</source>
        <translation>Không có trang nào để hoàn tất (tờ phân cách không tính là trang).</translation>
    </message>
    <message>
        <source>Text recognition failed: %1</source>
        <translation>Nhận dạng chữ không thành công: %1</translation>
    </message>
</context>
<context>
    <name>motcua::ui::DirectionPage</name>
    <message>
        <source>Department</source>
        <translation>Phòng ban</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Bước xử lý</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Người xử lý</translation>
    </message>
    <message>
        <source>Steps passed</source>
        <translation>Các bước đã qua</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Lateness</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 dossier(s) in progress — %2 overdue, %3 nearly due&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;%1 hồ sơ đang xử lý — %2 quá hạn, %3 sắp đến hạn&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Due %1 – %2 day(s) overdue</source>
        <translation>Hạn xử lý %1 – Quá hạn %2 ngày</translation>
    </message>
    <message>
        <source>Nearly due</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>%1 — last: %2</source>
        <translation>%1 — gần nhất: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;The list shows the first %1 (overdue first, then nearly due).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Danh sách chỉ hiện %1 hồ sơ đầu tiên (quá hạn trước, rồi sắp đến hạn).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>motcua::ui::DocumentTypeDialog</name>
    <message>
        <source>Document type %1</source>
        <translation>Loại giấy tờ %1</translation>
    </message>
    <message>
        <source>New document type</source>
        <translation>Thêm loại giấy tờ</translation>
    </message>
    <message>
        <source>The national code, e.g. GCN</source>
        <translation>Mã quốc gia, ví dụ GCN</translation>
    </message>
    <message>
        <source>Procedures name their components by this code; it cannot change later.</source>
        <translation>Thủ tục gọi thành phần hồ sơ theo mã này; không đổi được về sau.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Tên trường</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <source>Choices (separated by ;)</source>
        <translation>Các lựa chọn (cách nhau bởi ;)</translation>
    </message>
    <message>
        <source>Common data that must be entered at intake</source>
        <translation>Thông tin chung bắt buộc nhập khi tiếp nhận</translation>
    </message>
    <message>
        <source>&amp;Add a field</source>
        <translation>Thêm t&amp;rường</translation>
    </message>
    <message>
        <source>&amp;Remove the field</source>
        <translation>&amp;Bỏ trường</translation>
    </message>
    <message>
        <source>&amp;Preview the form (Ctrl+P)</source>
        <translation>&amp;Xem trước biểu mẫu (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Mã:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>M&amp;ô tả:</translation>
    </message>
    <message>
        <source>Its own data fields</source>
        <translation>Các trường dữ liệu riêng</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(chưa đặt tên)</translation>
    </message>
    <message>
        <source>Field %1: %2</source>
        <translation>Trường %1: %2</translation>
    </message>
    <message>
        <source>Type &amp;name:</source>
        <translation>&amp;Tên loại giấy tờ:</translation>
    </message>
</context>
<context>
    <name>motcua::ui::DossierListDialog</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>A dossier is no longer in the local cache.</source>
        <translation>Có hồ sơ không còn trong bộ đệm của máy.</translation>
    </message>
    <message>
        <source>%1 dossiers; the first %2 are listed.</source>
        <translation>%1 hồ sơ; hiển thị %2 hồ sơ đầu tiên.</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s). Enter or double-click opens one.</source>
        <translation><numerusform>%n hồ sơ. Nhấn Enter hoặc nhấp đúp để mở.</numerusform></translation>
    </message>
</context>
<context>
    <name>motcua::ui::DossierTableModel</name>
    <message>
        <source>(no code yet)</source>
        <translation>(chưa có mã)</translation>
    </message>
    <message>
        <source>%1 (not yet synced)</source>
        <translation>%1 (chưa đồng bộ)</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>%1 — %2 day(s) overdue</source>
        <translation>%1 — quá hạn %2 ngày</translation>
    </message>
</context>
<context>
    <name>motcua::ui::DossierView</name>
    <message>
        <source>Print the receipt (Ctrl+P)</source>
        <translation>In phiếu tiếp nhận (Ctrl+P)</translation>
    </message>
    <message>
        <source>Receipt not printed</source>
        <translation>Chưa in được phiếu tiếp nhận</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>The dossier is not in this workstation&apos;s cache.</source>
        <translation>Hồ sơ không có trong bộ đệm của máy trạm này.</translation>
    </message>
    <message>
        <source>Dossier %1</source>
        <translation>Hồ sơ %1</translation>
    </message>
    <message>
        <source>(no code yet)</source>
        <translation>(chưa có mã)</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Hình thức tiếp nhận</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Receiving agency</source>
        <translation>Cơ quan tiếp nhận</translation>
    </message>
    <message>
        <source>Handling agency</source>
        <translation>Cơ quan giải quyết</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng ban</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Người xử lý</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>Personal ID</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Đã nhận bổ sung</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Gia hạn</translation>
    </message>
    <message>
        <source>Returned to</source>
        <translation>Đã trả cho</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>bản sao</translation>
    </message>
    <message>
        <source>, signed</source>
        <translation>, đã ký số</translation>
    </message>
    <message>
        <source>No file attached.</source>
        <translation>Không có tệp đính kèm.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) made here, not yet confirmed by the server</source>
        <translation><numerusform>%n thao tác tại máy này, máy chủ chưa xác nhận</numerusform></translation>
    </message>
    <message>
        <source>No action is yours to take on this dossier now.</source>
        <translation>Hiện anh/chị không có thao tác nào trên hồ sơ này.</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>Processing &amp;trail</source>
        <translation>Quá trình &amp;xử lý</translation>
    </message>
    <message>
        <source>&amp;Workflow diagram</source>
        <translation>Sơ đồ &amp;quy trình</translation>
    </message>
    <message>
        <source>This workstation does not hold the dossier&apos;s workflow.</source>
        <translation>Máy trạm này chưa có quy trình của hồ sơ.</translation>
    </message>
    <message>
        <source>Result — %1</source>
        <translation>Kết quả — %1</translation>
    </message>
    <message>
        <source>Sign the file (Ctrl+Shift+U)</source>
        <translation>Ký số tệp (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>Sign all components (Ctrl+Alt+U)</source>
        <translation>Ký tất cả thành phần (Ctrl+Alt+U)</translation>
    </message>
    <message>
        <source>Signatures (Ctrl+Shift+V)</source>
        <translation>Chữ ký số (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>File not opened</source>
        <translation>Không mở được tệp</translation>
    </message>
    <message>
        <source>Not a PDF</source>
        <translation>Không phải tệp PDF</translation>
    </message>
    <message>
        <source>Only PDF documents carry their signature inside; this file can be signed with a separate .p7s signature file.</source>
        <translation>Chỉ tài liệu PDF mang chữ ký bên trong; tệp này được ký bằng một tệp chữ ký .p7s riêng.</translation>
    </message>
    <message>
        <source>Slip name</source>
        <translation>Tên phiếu</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Lần in</translation>
    </message>
    <message>
        <source>Slips &amp;printed</source>
        <translation>&amp;Phiếu đã in</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>In lại</translation>
    </message>
    <message>
        <source>First print</source>
        <translation>In lần đầu</translation>
    </message>
    <message>
        <source>Slips &amp;printed (%1)</source>
        <translation>&amp;Phiếu đã in (%1)</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Nhóm %1</translation>
    </message>
</context>
<context>
    <name>motcua::ui::FieldDialog</name>
    <message>
        <source>Field %1</source>
        <translation>Lĩnh vực %1</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>Thêm lĩnh vực</translation>
    </message>
    <message>
        <source>The national code (MaLinhVuc)</source>
        <translation>Mã quốc gia (MaLinhVuc)</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Mã:</translation>
    </message>
    <message>
        <source>Field &amp;name:</source>
        <translation>&amp;Tên lĩnh vực:</translation>
    </message>
</context>
<context>
    <name>motcua::ui::FilePreview</name>
    <message>
        <source>Select a file to preview it.</source>
        <translation>Chọn một tệp để xem trước.</translation>
    </message>
    <message>
        <source>The PDF &quot;%1&quot; cannot be displayed.</source>
        <translation>Không hiển thị được tệp PDF &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No preview for &quot;%1&quot; (%2).</source>
        <translation>Không xem trước được &quot;%1&quot; (%2).</translation>
    </message>
</context>
<context>
    <name>motcua::ui::GroupDialog</name>
    <message>
        <source>Group %1</source>
        <translation>Nhóm %1</translation>
    </message>
    <message>
        <source>New group of officers</source>
        <translation>Thêm nhóm cán bộ</translation>
    </message>
    <message>
        <source>e.g. Tổ thẩm định đất đai</source>
        <translation>ví dụ: Tổ thẩm định đất đai</translation>
    </message>
    <message>
        <source>The code workflow steps name the group by; it cannot change later.</source>
        <translation>Mã để các bước quy trình chỉ đến nhóm; không đổi được về sau.</translation>
    </message>
    <message>
        <source>Find an officer by name, user name or title</source>
        <translation>Tìm cán bộ theo họ tên, tên đăng nhập hoặc chức danh</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên mẫu:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Mã:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>M&amp;ô tả:</translation>
    </message>
    <message>
        <source>Roles every member gets:</source>
        <translation>Vai trò mọi thành viên được cấp:</translation>
    </message>
    <message>
        <source>&amp;Members (Enter in the box ticks the one match):</source>
        <translation>Thành &amp;viên (nhấn Enter trong ô tìm để chọn người duy nhất khớp):</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Hãy đặt tên cho nhóm.</translation>
    </message>
    <message>
        <source>Give the group a code (letters, digits and dashes).</source>
        <translation>Hãy đặt mã cho nhóm (chữ, số và dấu gạch ngang).</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) chosen.</source>
        <translation><numerusform>Đã chọn %n thành viên.</numerusform></translation>
    </message>
</context>
<context>
    <name>motcua::ui::GroupsPage</name>
    <message>
        <source>New group</source>
        <translation>Thêm nhóm</translation>
    </message>
    <message>
        <source>Edit group</source>
        <translation>Sửa nhóm</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Xóa nhóm</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>A group gathers officers who share work: a workflow step can be given to it (Quản trị › Quy trình), and every member gets the roles ticked for it.</source>
        <translation>Nhóm tập hợp các cán bộ cùng đảm nhận một phần việc: có thể giao một bước quy trình cho nhóm (Quản trị › Quy trình), và mọi thành viên được cấp các vai trò đã chọn cho nhóm.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s).</source>
        <translation><numerusform>%n nhóm.</numerusform></translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Roles it grants</source>
        <translation>Vai trò được cấp</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không quy định</translation>
    </message>
    <message>
        <source>Select a group first.</source>
        <translation>Hãy chọn một nhóm trước.</translation>
    </message>
    <message>
        <source>Another group has the code &quot;%1&quot;; choose another.</source>
        <translation>Đã có nhóm khác mang mã &quot;%1&quot;; hãy chọn mã khác.</translation>
    </message>
    <message>
        <source>Group %1 saved; its members&apos; rights changed at once.</source>
        <translation>Đã lưu nhóm %1; quyền của các thành viên thay đổi ngay.</translation>
    </message>
    <message numerus="yes">
        <source>Delete the group &quot;%1&quot;? Its %n member(s) lose the roles it grants; their own accounts stay.</source>
        <translation><numerusform>Xóa nhóm &quot;%1&quot;? %n thành viên sẽ mất các vai trò do nhóm cấp; tài khoản của họ vẫn giữ nguyên.</numerusform></translation>
    </message>
    <message>
        <source>Group %1 deleted.</source>
        <translation>Đã xóa nhóm %1.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ImportPage</name>
    <message>
        <source>No file chosen.</source>
        <translation>Chưa chọn tệp.</translation>
    </message>
    <message>
        <source>&amp;Apply the import (Ctrl+Enter)</source>
        <translation>Á&amp;p dụng (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Open an export… (Ctrl+O)</source>
        <translation>&amp;Mở tệp xuất… (Ctrl+O)</translation>
    </message>
    <message>
        <source>National procedure export</source>
        <translation>Tệp xuất thủ tục hành chính quốc gia</translation>
    </message>
    <message>
        <source>Exports (*.json *.csv);;JSON (*.json);;CSV (*.csv)</source>
        <translation>Tệp xuất (*.json *.csv);;JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON or CSV exported from the National Database on Administrative Procedures (MaTTHC, TenTTHC, MaLinhVuc/TenLinhVuc, CachThucThucHien, ThanhPhanHoSo, CanCuPhapLy, CoQuanThucHien). Nothing is written until you apply the preview.</source>
        <translation>Tệp JSON hoặc CSV xuất từ Cơ sở dữ liệu quốc gia về thủ tục hành chính (MaTTHC, TenTTHC, MaLinhVuc/TenLinhVuc, CachThucThucHien, ThanhPhanHoSo, CanCuPhapLy, CoQuanThucHien). Chưa ghi gì cho đến khi bạn áp dụng bản xem trước.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>Checking the file on the server…</source>
        <translation>Đang kiểm tra tệp trên máy chủ…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n fault(s); nothing was imported. Correct the rows below and open the file again.</source>
        <translation><numerusform>Tệp có %n lỗi; chưa nhập thủ tục nào. Hãy sửa các dòng dưới đây rồi mở lại tệp.</numerusform></translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Trường thay đổi</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa đổi</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged.</source>
        <translation>%1 thêm mới, %2 sửa đổi, %3 không đổi.</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>Đã nhập: %1</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Xem trước: %1</translation>
    </message>
</context>
<context>
    <name>motcua::ui::IntakeWizard</name>
    <message>
        <source>CCCD QR not recognised: %1</source>
        <translation>Không đọc được mã QR CCCD: %1</translation>
    </message>
    <message>
        <source>Applicant filled from the CCCD of %1.</source>
        <translation>Đã điền thông tin người nộp từ CCCD của %1.</translation>
    </message>
    <message>
        <source>&amp;New dossier (F2)</source>
        <translation>Hồ sơ &amp;mới (F2)</translation>
    </message>
    <message>
        <source>&amp;Save dossier (Ctrl+S)</source>
        <translation>&amp;Lưu hồ sơ (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Next (Alt+→)</source>
        <translation>&amp;Tiếp (Alt+→)</translation>
    </message>
    <message>
        <source>&amp;Back (Alt+←)</source>
        <translation>&amp;Quay lại (Alt+←)</translation>
    </message>
</context>
<context>
    <name>motcua::ui::KeyProtectionDialog</name>
    <message>
        <source>&amp;Remove the selected officer&apos;s slot</source>
        <translation>&amp;Xóa khe khóa của cán bộ đã chọn</translation>
    </message>
    <message>
        <source>Let another officer open this workstation&apos;s data</source>
        <translation>Cho phép cán bộ khác mở dữ liệu của máy trạm</translation>
    </message>
    <message>
        <source>Protection of this workstation&apos;s data</source>
        <translation>Bảo vệ dữ liệu của máy trạm</translation>
    </message>
    <message>
        <source>the password you log in with</source>
        <translation>mật khẩu bạn dùng để đăng nhập</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>Officer&apos;s &amp;user name:</source>
        <translation>Tên đăng &amp;nhập của cán bộ:</translation>
    </message>
    <message>
        <source>Their pass&amp;word (they type it):</source>
        <translation>Mật khẩu của cán bộ (họ tự &amp;gõ):</translation>
    </message>
    <message>
        <source>Repeat &amp;it:</source>
        <translation>Nhập &amp;lại:</translation>
    </message>
    <message>
        <source>Your &amp;password (confirms each change):</source>
        <translation>Mật khẩu của &amp;bạn (xác nhận mỗi thay đổi):</translation>
    </message>
    <message>
        <source>The key of this workstation&apos;s encrypted data is wrapped by the password of each officer below: only they can open it, each with the password they log in with. An officer not listed cannot log in here until added.</source>
        <translation>Khóa của dữ liệu mã hóa trên máy trạm này được bọc bằng mật khẩu của từng cán bộ dưới đây: chỉ họ mở được, mỗi người bằng mật khẩu đăng nhập của mình. Cán bộ không có trong danh sách chưa đăng nhập được trên máy này cho đến khi được thêm.</translation>
    </message>
    <message>
        <source>The key of this workstation&apos;s encrypted data is in the operating system&apos;s keychain: whoever can sign in to this computer account can open it. Protect it with officers&apos; passwords when the computer is shared.</source>
        <translation>Khóa của dữ liệu mã hóa trên máy trạm này nằm trong kho khóa của hệ điều hành: ai đăng nhập được vào tài khoản máy tính này đều mở được. Khi máy dùng chung, hãy bảo vệ bằng mật khẩu của cán bộ.</translation>
    </message>
    <message>
        <source>Back to the operating system&apos;s &amp;keychain</source>
        <translation>Trở lại kho khóa của &amp;hệ điều hành</translation>
    </message>
    <message>
        <source>Protect with &amp;officers&apos; passwords</source>
        <translation>Bảo vệ bằng &amp;mật khẩu cán bộ</translation>
    </message>
    <message>
        <source>Protected: only officers with a slot open this workstation&apos;s data. Add the others who work here.</source>
        <translation>Đã bảo vệ: chỉ cán bộ có khe khóa mới mở được dữ liệu của máy trạm. Hãy thêm những cán bộ khác làm việc trên máy này.</translation>
    </message>
    <message>
        <source>The key is back in the operating system&apos;s keychain.</source>
        <translation>Khóa đã trở lại kho khóa của hệ điều hành.</translation>
    </message>
    <message>
        <source>The officer&apos;s two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu của cán bộ không khớp.</translation>
    </message>
    <message>
        <source>%1 can now open this workstation&apos;s data with their password.</source>
        <translation>%1 đã mở được dữ liệu của máy trạm bằng mật khẩu của mình.</translation>
    </message>
    <message>
        <source>Select the officer whose slot goes.</source>
        <translation>Hãy chọn cán bộ cần xóa khe khóa.</translation>
    </message>
    <message>
        <source>%1 can no longer open this workstation&apos;s data.</source>
        <translation>%1 không còn mở được dữ liệu của máy trạm.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::LoginDialog</name>
    <message>
        <source>MotCua — log in</source>
        <translation>MotCua — đăng nhập</translation>
    </message>
    <message>
        <source>&lt;b&gt;One-stop counter&lt;/b&gt;&lt;br&gt;Log in with your officer account.</source>
        <translation>&lt;b&gt;Bộ phận Một cửa&lt;/b&gt;&lt;br&gt;Đăng nhập bằng tài khoản cán bộ.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <source>No server configured: offline login only.</source>
        <translation>Chưa cấu hình máy chủ: chỉ đăng nhập ngoại tuyến.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Máy chủ: %1</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
</context>
<context>
    <name>motcua::ui::MainWindow</name>
    <message>
        <source>MotCua — one-stop counter — %1</source>
        <translation>MotCua — Bộ phận Một cửa — %1</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Bàn làm việc</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Danh sách hồ sơ</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tra cứu</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Dossier %1 received for %2; result due %3.</source>
        <translation>Đã tiếp nhận hồ sơ %1 của %2; hẹn trả kết quả %3.</translation>
    </message>
    <message>
        <source>Action not recorded</source>
        <translation>Chưa ghi được thao tác</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Đi tới</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>&amp;Bàn làm việc</translation>
    </message>
    <message>
        <source>&amp;Intake</source>
        <translation>&amp;Tiếp nhận</translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation>&amp;Danh sách hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Tra &amp;cứu</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Xung đột</translation>
    </message>
    <message>
        <source>&amp;New intake</source>
        <translation>Tiếp nhận &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The new language applies from the next start.</source>
        <translation>Ngôn ngữ mới có hiệu lực từ lần mở tiếp theo.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Chỉ đạo, điều hành</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Chỉ đạo, điều hành</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Quản trị</translation>
    </message>
    <message>
        <source>Workflow &amp;designer</source>
        <translation>&amp;Thiết kế quy trình</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>Tiếp nhận hồ sơ mới</translation>
    </message>
    <message>
        <source>Open a queue from the workspace</source>
        <translation>Mở danh sách hồ sơ từ bàn làm việc</translation>
    </message>
    <message>
        <source>Find procedure (intake)</source>
        <translation>Tìm thủ tục (tiếp nhận)</translation>
    </message>
    <message>
        <source>Next / back in the intake</source>
        <translation>Tiếp / quay lại khi tiếp nhận</translation>
    </message>
    <message>
        <source>Read a CCCD photo</source>
        <translation>Đọc ảnh CCCD</translation>
    </message>
    <message>
        <source>Attach files to a component</source>
        <translation>Đính kèm tệp vào thành phần</translation>
    </message>
    <message>
        <source>Save the dossier</source>
        <translation>Lưu hồ sơ</translation>
    </message>
    <message>
        <source>Accept, request supplement, record supplement, refuse, pass on, withdraw, stop</source>
        <translation>Tiếp nhận, yêu cầu bổ sung, nhận bổ sung, từ chối, chuyển xử lý, rút hồ sơ, dừng xử lý</translation>
    </message>
    <message>
        <source>Assign, reassign, consult, record an opinion, submit for approval, send back, approve, reject, extend, complete, return the result</source>
        <translation>Phân công, phân công lại, xin ý kiến, ghi ý kiến trả lời, trình phê duyệt, trả lại xử lý, phê duyệt, không giải quyết, gia hạn, hoàn thành, trả kết quả</translation>
    </message>
    <message>
        <source>The same on all selected dossiers (batch)</source>
        <translation>Như trên cho mọi hồ sơ đã chọn (xử lý hàng loạt)</translation>
    </message>
    <message>
        <source>Export search results as CSV</source>
        <translation>Xuất kết quả tra cứu ra CSV</translation>
    </message>
    <message>
        <source>Administration: accounts, procedure import, form templates</source>
        <translation>Quản trị: tài khoản, nhập thủ tục, mẫu đơn</translation>
    </message>
    <message>
        <source>Workflow designer (administrators)</source>
        <translation>Thiết kế quy trình (quản trị viên)</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Danh sách phím tắt này</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Quản trị hệ thống</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>Workspace, Intake, Queues, Search, Conflicts, Direction, Reports, Administration</source>
        <translation>Bàn làm việc, Tiếp nhận, Danh sách hồ sơ, Tra cứu, Xung đột, Chỉ đạo điều hành, Báo cáo, Quản trị</translation>
    </message>
    <message>
        <source>Reports: compute, export, print</source>
        <translation>Báo cáo: tính, xuất tệp, in</translation>
    </message>
    <message>
        <source>Signing &amp;token…</source>
        <translation>&amp;Thiết bị ký số…</translation>
    </message>
    <message>
        <source>Signing token of this workstation</source>
        <translation>Thiết bị ký số của máy trạm</translation>
    </message>
    <message>
        <source>Dossier: sign the file, sign all components, view the signatures</source>
        <translation>Hồ sơ: ký số tệp, ký tất cả thành phần, xem chữ ký số</translation>
    </message>
    <message>
        <source>Signing token saved: %1</source>
        <translation>Đã lưu thiết bị ký số: %1</translation>
    </message>
    <message>
        <source>&amp;Protection of this workstation&apos;s data…</source>
        <translation>&amp;Bảo vệ dữ liệu của máy trạm…</translation>
    </message>
    <message>
        <source>Only an administrator changes where this workstation&apos;s key is kept.</source>
        <translation>Chỉ quản trị viên mới thay đổi được nơi giữ khóa của máy trạm.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::NewAccountDialog</name>
    <message>
        <source>New officer account</source>
        <translation>Thêm tài khoản cán bộ</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Chức danh:</translation>
    </message>
    <message>
        <source>&amp;Department code:</source>
        <translation>&amp;Mã phòng ban:</translation>
    </message>
    <message>
        <source>Initial &amp;password:</source>
        <translation>&amp;Mật khẩu ban đầu:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>In no group.</source>
        <translation>Không thuộc nhóm nào.</translation>
    </message>
    <message>
        <source>Member of: %1.</source>
        <translation>Thành viên của: %1.</translation>
    </message>
    <message>
        <source>Roles from the groups: %1.</source>
        <translation>Vai trò do nhóm cấp: %1.</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>Tài khoản %1</translation>
    </message>
    <message>
        <source>e.g. Chuyên viên, Trưởng phòng</source>
        <translation>ví dụ: Chuyên viên, Trưởng phòng</translation>
    </message>
    <message>
        <source>The position: workflow steps given to a position go to the officers whose title it is.</source>
        <translation>Chức vụ: bước quy trình giao cho một chức vụ thuộc về các cán bộ có chức danh đó.</translation>
    </message>
    <message>
        <source>e.g. tham-dinh, wf-lltp/phe-duyet</source>
        <translation>ví dụ: tham-dinh, wf-lltp/phe-duyet</translation>
    </message>
    <message>
        <source>Workflow steps this officer may work at besides those given to them by role, department, group or position: a step code (in every workflow) or workflow/step, separated by commas.</source>
        <translation>Các bước quy trình cán bộ này được xử lý ngoài những bước giao theo vai trò, phòng ban, nhóm hoặc chức vụ: mã bước (trong mọi quy trình) hoặc quy-trình/bước, cách nhau bằng dấu phẩy.</translation>
    </message>
    <message>
        <source>&amp;Workflow steps:</source>
        <translation>&amp;Bước quy trình:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Nhóm:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
</context>
<context>
    <name>motcua::ui::PageListModel</name>
    <message>
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>motcua::ui::PasswordDialog</name>
    <message>
        <source>Reset password of %1</source>
        <translation>Đặt lại mật khẩu của %1</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>&amp;Mật khẩu mới:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message>
        <source>Every session of this officer ends at once.</source>
        <translation>Mọi phiên đăng nhập của cán bộ này kết thúc ngay.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không khớp.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>Lũy kế từ đầu năm</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <source>Report period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>từ ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>Tháng %1</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <source>Month %1/%2</source>
        <translation>Tháng %1/%2</translation>
    </message>
    <message>
        <source>Quarter %1/%2</source>
        <translation>Quý %1/%2</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Năm %1</translation>
    </message>
    <message>
        <source>Year to date, %1 to %2</source>
        <translation>Lũy kế từ %1 đến %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>Từ %1 đến %2</translation>
    </message>
</context>
<context>
    <name>motcua::ui::PinDialog</name>
    <message>
        <source>Token PIN</source>
        <translation>Mã PIN của token</translation>
    </message>
    <message>
        <source>Enter the PIN of your signing token. It is asked once per session and never stored.</source>
        <translation>Nhập mã PIN của thiết bị ký số. Mã PIN chỉ hỏi một lần trong phiên làm việc và không bao giờ được lưu.</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Chứng thư số:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>Mã &amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>&amp;Password of %1:</source>
        <translation>&amp;Mật khẩu của %1:</translation>
    </message>
    <message>
        <source>Remote signing</source>
        <translation>Ký số từ xa</translation>
    </message>
    <message>
        <source>Enter the PIN of your signing certificate at the remote signing service. If the service asks, confirm the request on your phone: MotCua waits for it. Nothing is stored.</source>
        <translation>Nhập mã PIN của chứng thư số tại dịch vụ ký số từ xa. Nếu dịch vụ yêu cầu, hãy xác nhận trên điện thoại: MotCua sẽ chờ. Không lưu lại gì.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ProcedurePage</name>
    <message>
        <source>1. Procedure</source>
        <translation>1. Thủ tục hành chính</translation>
    </message>
    <message>
        <source>Search by name, code or field; diacritics are optional.</source>
        <translation>Tìm theo tên, mã hoặc lĩnh vực; gõ có dấu hay không dấu đều được.</translation>
    </message>
    <message>
        <source>e.g. chung thuc, 2.000815, tu phap</source>
        <translation>ví dụ: chung thuc, 2.000815, tu phap</translation>
    </message>
    <message>
        <source>&amp;Find procedure (Ctrl+F):</source>
        <translation>&amp;Tìm thủ tục (Ctrl+F):</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose a procedure from the list.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Chọn một thủ tục trong danh sách.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không quy định</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation><numerusform>%n ngày làm việc</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n working hour(s)</source>
        <translation><numerusform>%n giờ làm việc</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n working minute(s)</source>
        <translation><numerusform>%n phút làm việc</numerusform></translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Required components</source>
        <translation>Thành phần hồ sơ phải nộp</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Bắt buộc</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Choose a procedure first.</source>
        <translation>Hãy chọn thủ tục trước.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::QueuesPage</name>
    <message>
        <source>Filter this queue: code, applicant, procedure, address… (Ctrl+F)</source>
        <translation>Lọc hàng đợi: mã hồ sơ, người nộp, thủ tục, địa chỉ… (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Open dossier (Enter)</source>
        <translation>&amp;Mở hồ sơ (Enter)</translation>
    </message>
    <message>
        <source>%1 all selected (%2)</source>
        <translation>%1 mọi hồ sơ đã chọn (%2)</translation>
    </message>
    <message>
        <source>Sign the results of all selected (Ctrl+Alt+S)</source>
        <translation>Ký số kết quả các hồ sơ đã chọn (Ctrl+Alt+S)</translation>
    </message>
    <message>
        <source>The newest result document of each selected dossier, signed with your token; the PIN once for all</source>
        <translation>Ký số bằng token văn bản kết quả mới nhất của từng hồ sơ đã chọn; chỉ nhập mã PIN một lần</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ReportTableModel</name>
    <message>
        <source>Double-click or Enter: the dossiers behind this figure</source>
        <translation>Nhấp đúp hoặc Enter: danh sách hồ sơ của số liệu này</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ReportsPage</name>
    <message>
        <source>(none)</source>
        <translation>(không)</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Nhóm theo:</translation>
    </message>
    <message>
        <source>&amp;Then by:</source>
        <translation>&amp;Rồi theo:</translation>
    </message>
    <message>
        <source>&amp;Measures (Space ticks):</source>
        <translation>&amp;Chỉ tiêu (phím cách để chọn):</translation>
    </message>
    <message>
        <source>Compute (F5)</source>
        <translation>Thống kê (F5)</translation>
    </message>
    <message>
        <source>Export… (Ctrl+Shift+E)</source>
        <translation>Xuất tệp… (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>In… (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Bảng số liệu</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Biểu &amp;đồ</translation>
    </message>
    <message>
        <source>&amp;Applicants served</source>
        <translation>&amp;Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Reports and statistics&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Báo cáo, thống kê&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Reading the local cache: %1 dossiers…</source>
        <translation>Đang đọc bộ đệm của máy: %1 hồ sơ…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Đã lưu %1.</translation>
    </message>
    <message>
        <source>Tick at least one measure.</source>
        <translation>Hãy chọn ít nhất một chỉ tiêu.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>REPORT ON THE HANDLING OF ADMINISTRATIVE PROCEDURE DOSSIERS</source>
        <translation>BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n dossier(s) received; figures as of %2.</source>
        <translation><numerusform>%1 — tiếp nhận %n hồ sơ; số liệu tính đến %2.</numerusform></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
    <message>
        <source>Compute the statistics first (F5).</source>
        <translation>Hãy thống kê trước (F5).</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>PowerPoint presentation (*.pptx)</source>
        <translation>Trình chiếu PowerPoint (*.pptx)</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>Văn bản OpenDocument (*.odt)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>In báo cáo</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <source>(no grouping: totals only)</source>
        <translation>(Không nhóm: chỉ tổng cộng)</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(Không dùng mẫu)</translation>
    </message>
    <message>
        <source>Report te&amp;mplate (Ctrl+M):</source>
        <translation>&amp;Mẫu báo cáo (Ctrl+M):</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Mẫu mới…</translation>
    </message>
    <message>
        <source>Save the criteria as a new template (Ctrl+Shift+N)</source>
        <translation>Lưu tiêu chí đang chọn thành mẫu mới (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa mẫu…</translation>
    </message>
    <message>
        <source>Design the chosen template (Ctrl+Shift+D)</source>
        <translation>Thiết kế lại mẫu đang chọn (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Delete the chosen template (Ctrl+Shift+Del)</source>
        <translation>Xóa mẫu đang chọn (Ctrl+Shift+Del)</translation>
    </message>
    <message>
        <source>And t&amp;hen by:</source>
        <translation>Sau đó t&amp;heo:</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>Biểu đồ th&amp;eo mẫu</translation>
    </message>
    <message>
        <source>The server is out of reach: the templates as last read.</source>
        <translation>Không kết nối được máy chủ: đang dùng danh sách mẫu đọc lần trước.</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1 (dùng chung)</translation>
    </message>
    <message>
        <source>%1 (mine)</source>
        <translation>%1 (của tôi)</translation>
    </message>
    <message>
        <source>level: %1</source>
        <translation>mức độ: %1</translation>
    </message>
    <message>
        <source>channel: %1</source>
        <translation>kênh: %1</translation>
    </message>
    <message>
        <source>field: %1</source>
        <translation>lĩnh vực: %1</translation>
    </message>
    <message>
        <source>procedures: %1</source>
        <translation>thủ tục: %1</translation>
    </message>
    <message>
        <source>department: %1</source>
        <translation>phòng ban: %1</translation>
    </message>
    <message>
        <source>Only dossiers of %1.</source>
        <translation>Chỉ tính hồ sơ có %1.</translation>
    </message>
    <message>
        <source>Choose a template to edit first (Ctrl+M), or make a new one (Ctrl+Shift+N).</source>
        <translation>Hãy chọn mẫu cần sửa (Ctrl+M) hoặc tạo mẫu mới (Ctrl+Shift+N).</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; saved.</source>
        <translation>Đã lưu mẫu báo cáo &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Choose the template to delete first (Ctrl+M).</source>
        <translation>Hãy chọn mẫu cần xóa trước (Ctrl+M).</translation>
    </message>
    <message>
        <source>Delete report template</source>
        <translation>Xóa mẫu báo cáo</translation>
    </message>
    <message>
        <source>Delete the template &quot;%1&quot;?%2</source>
        <translation>Xóa mẫu báo cáo &quot;%1&quot;?%2</translation>
    </message>
    <message>
        <source> It is shared: nobody in the agency will have it any more.</source>
        <translation> Đây là mẫu dùng chung: cả cơ quan sẽ không dùng được mẫu này nữa.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Template &quot;%1&quot; deleted.</source>
        <translation>Đã xóa mẫu báo cáo &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ResultChart</name>
    <message>
        <source>This report template draws no chart.</source>
        <translation>Mẫu báo cáo này không vẽ biểu đồ.</translation>
    </message>
    <message>
        <source>Choose a count measure to draw a chart (the on-time rate is shown in the table).</source>
        <translation>Hãy chọn một chỉ tiêu đếm hồ sơ để vẽ biểu đồ (tỷ lệ đúng hạn xem ở bảng).</translation>
    </message>
    <message>
        <source>No dossier of the period matches this report: nothing to draw.</source>
        <translation>Không có hồ sơ nào trong kỳ khớp với báo cáo này: chưa có gì để vẽ.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ReviewPage</name>
    <message>
        <source>4. Review and save</source>
        <translation>4. Kiểm tra và lưu</translation>
    </message>
    <message>
        <source>Check with the applicant, then save (Ctrl+S). The receipt is printed when printing is available.</source>
        <translation>Đối chiếu với người nộp rồi lưu (Ctrl+S). Phiếu tiếp nhận được in khi chức năng in sẵn sàng.</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>CCCD</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>MST</translation>
    </message>
    <message>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>bản sao</translation>
    </message>
    <message numerus="yes">
        <source>, %n file(s)</source>
        <translation><numerusform>, %n tệp</numerusform></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Hình thức tiếp nhận</translation>
    </message>
    <message>
        <source>Components received</source>
        <translation>Thành phần đã nhận</translation>
    </message>
    <message>
        <source>Result due: %1 (if received now, %2)</source>
        <translation>Hẹn trả kết quả: %1 (nếu tiếp nhận lúc này, %2)</translation>
    </message>
    <message>
        <source>This procedure has no statutory processing time.</source>
        <translation>Thủ tục này không quy định thời hạn giải quyết.</translation>
    </message>
    <message>
        <source>No dossier code left for today: connect to the server to lease codes before saving.</source>
        <translation>Đã hết mã hồ sơ của hôm nay: hãy kết nối máy chủ để nhận thêm mã trước khi lưu.</translation>
    </message>
    <message numerus="yes">
        <source>The official code is taken from the leased block (%n left today).</source>
        <translation><numerusform>Mã hồ sơ chính thức được lấy từ khối mã đã nhận (hôm nay còn %n mã).</numerusform></translation>
    </message>
</context>
<context>
    <name>motcua::ui::ScanDialog</name>
    <message>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Xám</translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <source>Scan: %1</source>
        <translation>Quét: %1</translation>
    </message>
    <message>
        <source>Recognising text: page %1 of %2…</source>
        <translation>Đang nhận dạng chữ: trang %1/%2…</translation>
    </message>
    <message>
        <source>&amp;Resume it (Ctrl+Shift+R)</source>
        <translation>&amp;Tiếp tục phiên đó (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>&amp;Discard it (Ctrl+Shift+D)</source>
        <translation>&amp;Bỏ phiên đó (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Resume the unfinished session</source>
        <translation>Tiếp tục phiên quét chưa xong</translation>
    </message>
    <message>
        <source>Discard the unfinished session</source>
        <translation>Bỏ phiên quét chưa xong</translation>
    </message>
    <message>
        <source>Both &amp;sides</source>
        <translation>Quét &amp;hai mặt</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Sc&amp;anner:</source>
        <translation>&amp;Máy quét:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>&amp;Nguồn giấy:</translation>
    </message>
    <message>
        <source>&amp;Colour mode:</source>
        <translation>&amp;Chế độ màu:</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>Độ &amp;phân giải:</translation>
    </message>
    <message>
        <source>S&amp;can (F7)</source>
        <translation>&amp;Quét (F7)</translation>
    </message>
    <message>
        <source>S&amp;top scanning (Esc)</source>
        <translation>&amp;Dừng quét (Esc)</translation>
    </message>
    <message>
        <source>&amp;Import files… (Ctrl+O)</source>
        <translation>&amp;Lấy từ tệp… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Lấy trang từ tệp</translation>
    </message>
    <message>
        <source>Images and PDF (%1)</source>
        <translation>Ảnh và PDF (%1)</translation>
    </message>
    <message>
        <source>Or drop image and PDF files here.</source>
        <translation>Hoặc kéo thả tệp ảnh, PDF vào đây.</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>Xoay trái</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>Xoay phải</translation>
    </message>
    <message>
        <source>Crop…</source>
        <translation>Cắt lề…</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>Làm thẳng</translation>
    </message>
    <message>
        <source>Remove blank pages</source>
        <translation>Bỏ trang trắng</translation>
    </message>
    <message numerus="yes">
        <source>%n blank page(s) removed.</source>
        <translation><numerusform>Đã bỏ %n trang trắng.</numerusform></translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Lên trước</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Xuống sau</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>&amp;Done: recognise text (Ctrl+Enter)</source>
        <translation>&amp;Xong: nhận dạng chữ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Done: recognise text</source>
        <translation>Xong: nhận dạng chữ</translation>
    </message>
    <message>
        <source>Discard the pages (Ctrl+Shift+Del)</source>
        <translation>Bỏ các trang đã quét (Ctrl+Shift+Del)</translation>
    </message>
    <message>
        <source>Discard the pages</source>
        <translation>Bỏ các trang đã quét</translation>
    </message>
    <message>
        <source>The pages were discarded.</source>
        <translation>Đã bỏ các trang đã quét.</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>Back to the pages</source>
        <translation>Trở lại các trang</translation>
    </message>
    <message>
        <source>An unfinished scan could not be read: %1</source>
        <translation>Không đọc được phiên quét chưa xong: %1</translation>
    </message>
    <message numerus="yes">
        <source>An unfinished scan from %1 (%2, %n page(s)) was found.</source>
        <translation><numerusform>Có một phiên quét chưa xong từ %1 (%2, %n trang).</numerusform></translation>
    </message>
    <message>
        <source>no title</source>
        <translation>không tên</translation>
    </message>
    <message numerus="yes">
        <source>The unfinished scan was resumed: %n page(s).</source>
        <translation><numerusform>Đã mở lại phiên quét chưa xong: %n trang.</numerusform></translation>
    </message>
    <message>
        <source>Looking for scanners…</source>
        <translation>Đang tìm máy quét…</translation>
    </message>
    <message>
        <source>No scanner found. You can import files (Ctrl+O) or drop them here.</source>
        <translation>Không tìm thấy máy quét. Có thể lấy trang từ tệp (Ctrl+O) hoặc kéo thả tệp vào đây.</translation>
    </message>
    <message numerus="yes">
        <source>%n scanner(s) found.</source>
        <translation><numerusform>Tìm thấy %n máy quét.</numerusform></translation>
    </message>
    <message>
        <source>Flatbed</source>
        <translation>Mặt kính</translation>
    </message>
    <message>
        <source>Document feeder (ADF)</source>
        <translation>Khay nạp giấy (ADF)</translation>
    </message>
    <message>
        <source>Page %1 scanned.</source>
        <translation>Đã quét trang %1.</translation>
    </message>
    <message>
        <source>Page %1: %p%</source>
        <translation>Trang %1: %p%</translation>
    </message>
    <message numerus="yes">
        <source>Scanning stopped: %n page(s) kept.</source>
        <translation><numerusform>Đã dừng quét: giữ %n trang.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) scanned.</source>
        <translation><numerusform>Đã quét %n trang.</numerusform></translation>
    </message>
    <message>
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Text recognition stopped.</source>
        <translation>Đã dừng nhận dạng chữ.</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation><numerusform>Đang đọc %n tệp…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) imported.</source>
        <translation><numerusform>Đã lấy %n trang từ tệp.</numerusform></translation>
    </message>
    <message>
        <source>Select a page first (arrow keys, Shift to select more).</source>
        <translation>Hãy chọn trang trước (phím mũi tên, giữ Shift để chọn nhiều trang).</translation>
    </message>
    <message numerus="yes">
        <source>Change %n page(s)</source>
        <translation><numerusform>Sửa %n trang</numerusform></translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Cắt lề</translation>
    </message>
    <message>
        <source>&amp;Left margin:</source>
        <translation>Lề &amp;trái:</translation>
    </message>
    <message>
        <source>&amp;Top margin:</source>
        <translation>Lề t&amp;rên:</translation>
    </message>
    <message>
        <source>&amp;Right margin:</source>
        <translation>Lề &amp;phải:</translation>
    </message>
    <message>
        <source>&amp;Bottom margin:</source>
        <translation>Lề &amp;dưới:</translation>
    </message>
</context>
<context>
    <name>motcua::ui::ScanResultView</name>
    <message>
        <source>Value read</source>
        <translation>Giá trị đọc được</translation>
    </message>
    <message>
        <source>Fills the field</source>
        <translation>Điền vào</translation>
    </message>
    <message>
        <source>From the line</source>
        <translation>Từ dòng</translation>
    </message>
    <message>
        <source>No signing token is configured on this workstation: the scanned documents are attached without a digital signature.</source>
        <translation>Máy này chưa cấu hình token ký số: bản quét được đính kèm mà chưa ký số.</translation>
    </message>
    <message>
        <source>&amp;Back to the pages (Alt+Left)</source>
        <translation>T&amp;rở lại các trang (Alt+Trái)</translation>
    </message>
    <message>
        <source>&amp;Attach to the component (Ctrl+Enter)</source>
        <translation>Đính &amp;kèm vào thành phần (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Values read from the pages: tick those to fill in (Space).</source>
        <translation>Giá trị đọc được từ các trang: đánh dấu những giá trị cần điền (phím cách).</translation>
    </message>
    <message numerus="yes">
        <source>%1: searchable PDF of %n page(s)</source>
        <translation><numerusform>%1: tệp PDF tìm kiếm được, %n trang</numerusform></translation>
    </message>
    <message>
        <source>Applicant (from the CCCD QR code)</source>
        <translation>Người nộp (từ mã QR trên CCCD)</translation>
    </message>
    <message numerus="yes">
        <source>Separator sheets split the batch into %n document(s).</source>
        <translation><numerusform>Tờ phân cách chia tập giấy thành %n tài liệu.</numerusform></translation>
    </message>
</context>
<context>
    <name>motcua::ui::SearchPage</name>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>e.g. nguyen van a</source>
        <translation>ví dụ: nguyen van a</translation>
    </message>
    <message>
        <source>Received &amp;from:</source>
        <translation>Tiếp nhận &amp;từ ngày:</translation>
    </message>
    <message>
        <source>Received &amp;to:</source>
        <translation>Tiếp nhận đến &amp;ngày:</translation>
    </message>
    <message>
        <source>Dossier &amp;code:</source>
        <translation>&amp;Mã hồ sơ:</translation>
    </message>
    <message>
        <source>Citi&amp;zen name:</source>
        <translation>Tên &amp;công dân:</translation>
    </message>
    <message>
        <source>&amp;Business name:</source>
        <translation>Tên &amp;doanh nghiệp:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>T&amp;rạng thái:</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>&amp;Lĩnh vực:</translation>
    </message>
    <message>
        <source>&amp;Procedure:</source>
        <translation>T&amp;hủ tục:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Hạn xử lý:</translation>
    </message>
    <message>
        <source>&amp;Handling unit:</source>
        <translation>Đơn &amp;vị xử lý:</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>Tra cứu (Enter)</translation>
    </message>
    <message>
        <source>E&amp;xport CSV (Ctrl+E)</source>
        <translation>&amp;Xuất CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Search dossiers&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Tra cứu hồ sơ&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Xuất CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(tất cả)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Nearly due</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Trong hạn</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) shown; scroll for more</source>
        <translation><numerusform>Đang hiện %n kết quả; cuộn xuống để xem thêm</numerusform></translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Procedure code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Đã xuất ra %1</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
</context>
<context>
    <name>motcua::ui::SignBatch</name>
    <message>
        <source>Not signed: the batch was cancelled.</source>
        <translation>Chưa ký: đã dừng ký hàng loạt.</translation>
    </message>
    <message>
        <source>Signed; not stored with the dossier (save the signed file).</source>
        <translation>Đã ký; không lưu cùng hồ sơ (hãy lưu tệp đã ký).</translation>
    </message>
    <message>
        <source>The dossier is no longer in this workstation&apos;s cache.</source>
        <translation>Hồ sơ không còn trong bộ nhớ đệm của máy trạm này.</translation>
    </message>
    <message>
        <source>Signed and stored with the dossier as %1.</source>
        <translation>Đã ký và lưu cùng hồ sơ với tên %1.</translation>
    </message>
    <message>
        <source>its results cannot be signed by you at this stage</source>
        <translation>bạn không được ký kết quả của hồ sơ ở trạng thái này</translation>
    </message>
    <message>
        <source>no draft result yet</source>
        <translation>chưa có dự thảo kết quả</translation>
    </message>
    <message>
        <source>you have already signed %1</source>
        <translation>bạn đã ký %1</translation>
    </message>
</context>
<context>
    <name>motcua::ui::SignDialog</name>
    <message>
        <source>&amp;Keep the signed file and the signature information with the dossier</source>
        <translation>&amp;Lưu tệp đã ký và thông tin chữ ký số cùng hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Sign (Ctrl+Enter)</source>
        <translation>&amp;Ký số (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Dừng (Esc)</translation>
    </message>
    <message>
        <source>Save the signed &amp;files… (Ctrl+S)</source>
        <translation>Lưu &amp;tệp đã ký… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message numerus="yes">
        <source>Digital signing — %n document(s)</source>
        <translation><numerusform>Ký số — %n tài liệu</numerusform></translation>
    </message>
    <message>
        <source>Signed by the processing officer</source>
        <translation>Cán bộ xử lý ký xác nhận</translation>
    </message>
    <message>
        <source>Unticked: the document is signed and you save the signed file yourself; nothing about this signing is stored with the dossier.</source>
        <translation>Bỏ chọn: tài liệu vẫn được ký, bạn tự lưu tệp đã ký; không có thông tin nào về lần ký này được lưu cùng hồ sơ.</translation>
    </message>
    <message>
        <source>%v of %m signed</source>
        <translation>Đã ký %v/%m</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Nơi ký:</translation>
    </message>
    <message>
        <source>Documents to sign with your token (PDF: signature in the document; other files: a .p7s signature file):</source>
        <translation>Tài liệu sẽ ký bằng token của bạn (PDF: chữ ký nằm trong tài liệu; tệp khác: kèm tệp chữ ký .p7s):</translation>
    </message>
    <message numerus="yes">
        <source>Signing succeeded: %n document(s) signed.</source>
        <translation><numerusform>Ký số thành công: đã ký %n tài liệu.</numerusform></translation>
    </message>
    <message>
        <source>Signing stopped: %1 of %2 document(s) signed; the others were left as they were.</source>
        <translation>Đã dừng ký: đã ký %1/%2 tài liệu; các tài liệu còn lại giữ nguyên.</translation>
    </message>
    <message>
        <source>Signing failed for %1 of %2 document(s); see the list.</source>
        <translation>Ký số không thành công với %1/%2 tài liệu; xem danh sách.</translation>
    </message>
    <message>
        <source>Save the signed file</source>
        <translation>Lưu tệp đã ký</translation>
    </message>
    <message>
        <source>Folder for the signed files</source>
        <translation>Thư mục lưu các tệp đã ký</translation>
    </message>
    <message>
        <source>Signed files not saved</source>
        <translation>Chưa lưu được tệp đã ký</translation>
    </message>
    <message numerus="yes">
        <source>%n signed file(s) saved.</source>
        <translation><numerusform>Đã lưu %n tệp đã ký.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not in this list (%n dossier(s)): %1.</source>
        <translation><numerusform>Không có trong danh sách (%n hồ sơ): %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>motcua::ui::SignedPdfViewer</name>
    <message>
        <source>Signed document — %1</source>
        <translation>Tài liệu ký số — %1</translation>
    </message>
    <message>
        <source>Checking the signatures…</source>
        <translation>Đang kiểm tra chữ ký số…</translation>
    </message>
    <message>
        <source>&amp;Save the signed file… (Ctrl+S)</source>
        <translation>&amp;Lưu tệp đã ký… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The document is digitally signed</source>
        <translation>Tài liệu đã được ký số</translation>
    </message>
    <message>
        <source>The document has been changed since it was signed</source>
        <translation>Tài liệu đã bị thay đổi sau khi ký</translation>
    </message>
    <message>
        <source>The document has no digital signature we can read.</source>
        <translation>Tài liệu không có chữ ký số đọc được.</translation>
    </message>
    <message>
        <source>Signature %1</source>
        <translation>Chữ ký %1</translation>
    </message>
    <message>
        <source>Signer:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(không rõ)</translation>
    </message>
    <message>
        <source>Signed at:</source>
        <translation>Thời điểm ký:</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(không ghi)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Chữ ký:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Chứng thư số:</translation>
    </message>
    <message>
        <source>Covers:</source>
        <translation>Phạm vi ký:</translation>
    </message>
    <message>
        <source>the whole document</source>
        <translation>toàn bộ tài liệu</translation>
    </message>
    <message>
        <source>an earlier version of the document (changed or signed again since)</source>
        <translation>một phiên bản trước của tài liệu (sau đó đã thay đổi hoặc được ký tiếp)</translation>
    </message>
    <message>
        <source>Algorithm:</source>
        <translation>Thuật toán:</translation>
    </message>
    <message>
        <source>Save the signed file</source>
        <translation>Lưu tệp đã ký</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>File not saved</source>
        <translation>Chưa lưu được tệp</translation>
    </message>
    <message>
        <source>The signed file could not be saved to %1: %2</source>
        <translation>Không lưu được tệp đã ký vào %1: %2</translation>
    </message>
</context>
<context>
    <name>motcua::ui::SigningSession</name>
    <message>
        <source>No signing token is set up on this workstation. Choose the token and the certificate under Settings → Signing token (Ctrl+Alt+K).</source>
        <translation>Máy trạm này chưa thiết lập thiết bị ký số. Hãy chọn token và chứng thư số tại Cài đặt → Thiết bị ký số (Ctrl+Alt+K).</translation>
    </message>
    <message>
        <source>This is the final try: one more wrong PIN locks the token.</source>
        <translation>Đây là lần thử cuối cùng: nhập sai thêm một lần nữa token sẽ bị khoá.</translation>
    </message>
    <message>
        <source>Wrong PIN. This is the final try: one more wrong PIN locks the token.</source>
        <translation>Sai mã PIN. Đây là lần thử cuối cùng: nhập sai thêm một lần nữa token sẽ bị khoá.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left before the PIN is locked.</source>
        <translation><numerusform>Sai mã PIN. Còn %n lần thử trước khi mã PIN bị khoá.</numerusform></translation>
    </message>
    <message>
        <source>Wrong PIN. Check it and try again; the token locks after too many wrong tries.</source>
        <translation>Sai mã PIN. Hãy kiểm tra rồi nhập lại; token sẽ bị khoá nếu nhập sai quá số lần thử cho phép.</translation>
    </message>
    <message>
        <source>Enter the token&apos;s PIN.</source>
        <translation>Hãy nhập mã PIN của token.</translation>
    </message>
    <message>
        <source>The token&apos;s PIN is locked after too many wrong tries. Ask the certificate provider to unlock it.</source>
        <translation>Mã PIN của token đã bị khoá do nhập sai quá số lần cho phép. Hãy liên hệ nhà cung cấp chứng thư số để mở khoá.</translation>
    </message>
    <message>
        <source>The token was removed. Plug it in again and sign again; the PIN will be asked again.</source>
        <translation>Token đã bị rút ra. Hãy cắm lại token rồi ký lại; mã PIN sẽ được hỏi lại.</translation>
    </message>
    <message>
        <source>No signing token is plugged in. Plug in your USB token and try again.</source>
        <translation>Chưa cắm thiết bị ký số. Hãy cắm USB token rồi thử lại.</translation>
    </message>
    <message>
        <source>This is not the token chosen for this workstation: the chosen certificate is not on it. Plug in the right token, or choose again under Settings → Signing token.</source>
        <translation>Đây không phải token đã chọn cho máy trạm này: chứng thư số đã chọn không có trên token. Hãy cắm đúng token, hoặc chọn lại tại Cài đặt → Thiết bị ký số.</translation>
    </message>
    <message>
        <source>The token driver (PKCS#11 library) could not be loaded. Install the driver of your certificate provider or choose its library under Settings → Signing token.</source>
        <translation>Không nạp được trình điều khiển token (thư viện PKCS#11). Hãy cài trình điều khiển của nhà cung cấp chứng thư số hoặc chọn thư viện tại Cài đặt → Thiết bị ký số.</translation>
    </message>
    <message>
        <source>Signing cancelled.</source>
        <translation>Đã huỷ ký số.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::SlipPreview</name>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;In… (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF… (Ctrl+S)</source>
        <translation>&amp;Lưu thành PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>The slip cannot be shown: %1 is missing or damaged. Print it again from the dossier.</source>
        <translation>Không hiển thị được phiếu: tệp %1 bị thiếu hoặc hỏng. Hãy in lại từ hồ sơ.</translation>
    </message>
    <message>
        <source>The slip&apos;s PDF cannot be read.</source>
        <translation>Không đọc được tệp PDF của phiếu.</translation>
    </message>
    <message>
        <source>The printer cannot be used. Check that it is on and chosen in the print dialog.</source>
        <translation>Không dùng được máy in. Hãy kiểm tra máy in đã bật và được chọn trong hộp thoại in.</translation>
    </message>
    <message>
        <source>The printer stopped after page %1.</source>
        <translation>Máy in dừng sau trang %1.</translation>
    </message>
    <message>
        <source>Page %1 of the slip cannot be drawn.</source>
        <translation>Không vẽ được trang %1 của phiếu.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message>
        <source>Save the slip as PDF</source>
        <translation>Lưu phiếu thành PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>The slip was printed, but the print is not recorded on the dossier: %1</source>
        <translation>Đã in phiếu nhưng chưa ghi nhận được lần in vào hồ sơ: %1</translation>
    </message>
</context>
<context>
    <name>motcua::ui::SupplementDialog</name>
    <message>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation><numerusform>%n bản sao</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n file(s)</source>
        <translation><numerusform>%1, %n tệp</numerusform></translation>
    </message>
    <message>
        <source>Requested on %1: %2</source>
        <translation>Yêu cầu bổ sung ngày %1: %2</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>In the dossier</source>
        <translation>Đã có trong hồ sơ</translation>
    </message>
    <message>
        <source>Files added now</source>
        <translation>Tệp bổ sung lần này</translation>
    </message>
    <message>
        <source>&amp;Attach files… (Ctrl+O)</source>
        <translation>Đính &amp;kèm tệp… (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Scan… (F7)</source>
        <translation>&amp;Quét… (F7)</translation>
    </message>
    <message>
        <source>&amp;Take back the files added (Del)</source>
        <translation>&amp;Bỏ tệp vừa thêm (Del)</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>scan-%1-%2.pdf</source>
        <translation>ban-quet-%1-%2.pdf</translation>
    </message>
    <message>
        <source>scan-%1.pdf</source>
        <translation>ban-quet-%1.pdf</translation>
    </message>
    <message>
        <source>Still reading the files or signing the scans; try again in a moment.</source>
        <translation>Đang đọc tệp hoặc ký số bản quét; vui lòng thử lại sau giây lát.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::SyncStatusBar</name>
    <message>
        <source>● Checking connection…</source>
        <translation>● Đang kiểm tra kết nối…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Trực tuyến</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Ngoại tuyến</translation>
    </message>
    <message numerus="yes">
        <source>Pending: %n action(s)</source>
        <translation><numerusform>Chờ đồng bộ: %n thao tác</numerusform></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) or stuck item(s) — open</source>
        <translation><numerusform>%n xung đột hoặc mục bị kẹt — xem</numerusform></translation>
    </message>
    <message>
        <source>Receiving from the server: %1…</source>
        <translation>Đang nhận dữ liệu từ máy chủ: %1…</translation>
    </message>
</context>
<context>
    <name>motcua::ui::TemplateDesigner</name>
    <message>
        <source>&amp;Shared with the whole agency</source>
        <translation>&amp;Dùng chung cho cả cơ quan</translation>
    </message>
    <message>
        <source>New report template</source>
        <translation>Tạo mẫu báo cáo</translation>
    </message>
    <message>
        <source>Edit report template</source>
        <translation>Sửa mẫu báo cáo</translation>
    </message>
    <message>
        <source>e.g. Monthly report by field</source>
        <translation>ví dụ: Báo cáo tháng theo lĩnh vực</translation>
    </message>
    <message>
        <source>Only leaders and administrators share templates.</source>
        <translation>Chỉ lãnh đạo và quản trị viên được tạo mẫu dùng chung.</translation>
    </message>
    <message>
        <source>(no grouping: totals only)</source>
        <translation>(Không nhóm: chỉ tổng cộng)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên mẫu:</translation>
    </message>
    <message>
        <source>Printed &amp;title:</source>
        <translation>Tiêu đề &amp;in ra:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>Từ n&amp;gày:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Đến ngà&amp;y:</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>&amp;Biểu đồ:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Nhóm theo:</translation>
    </message>
    <message>
        <source>Th&amp;en by:</source>
        <translation>Rồi th&amp;eo:</translation>
    </message>
    <message>
        <source>And then b&amp;y:</source>
        <translation>Sau đó the&amp;o:</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>None ticked: every measure.</source>
        <translation>Không đánh dấu: mọi chỉ tiêu.</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Mức độ dịch vụ</translation>
    </message>
    <message>
        <source>None ticked: all.</source>
        <translation>Không đánh dấu: tất cả.</translation>
    </message>
    <message>
        <source>Intake channel</source>
        <translation>Kênh tiếp nhận</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng ban</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>&amp;Lưu mẫu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>motcua::ui::TemplatesPage</name>
    <message>
        <source>&amp;Preview with a sample dossier (Ctrl+P)</source>
        <translation>&amp;Xem trước với hồ sơ mẫu (Ctrl+P)</translation>
    </message>
    <message>
        <source>Version (Ctrl+Shift+V):</source>
        <translation>Phiên bản (Ctrl+Shift+V):</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>National default</source>
        <translation>Mẫu chung toàn quốc</translation>
    </message>
    <message>
        <source>This agency</source>
        <translation>Của cơ quan</translation>
    </message>
    <message numerus="yes">
        <source>%n form template(s).</source>
        <translation><numerusform>%n biểu mẫu.</numerusform></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <source>%1 — version %2 — legal basis: %3</source>
        <translation>%1 — phiên bản %2 — căn cứ pháp lý: %3</translation>
    </message>
    <message>
        <source>Select a form template first.</source>
        <translation>Hãy chọn một biểu mẫu trước.</translation>
    </message>
    <message>
        <source>%1 (version %2, sample dossier)</source>
        <translation>%1 (phiên bản %2, hồ sơ mẫu)</translation>
    </message>
    <message>
        <source>Preview of %1, version %2, with the sample dossier.</source>
        <translation>Xem trước %1, phiên bản %2, với hồ sơ mẫu.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::TokenSettingsDialog</name>
    <message>
        <source>Signing token of this workstation</source>
        <translation>Thiết bị ký số của máy trạm</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>&amp;Read the token (F5)</source>
        <translation>Đọc &amp;token (F5)</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Certificate to sign with:</source>
        <translation>&amp;Chứng thư số dùng để ký:</translation>
    </message>
    <message>
        <source>The PIN is never stored: it is asked once per session, at the first signing.</source>
        <translation>Mã PIN không bao giờ được lưu: chỉ hỏi một lần trong phiên làm việc, khi ký lần đầu.</translation>
    </message>
    <message>
        <source>No token driver was found on this workstation. Install your certificate provider&apos;s driver, or browse for its PKCS#11 library.</source>
        <translation>Không tìm thấy trình điều khiển token trên máy trạm này. Hãy cài trình điều khiển của nhà cung cấp chứng thư số, hoặc chọn thư viện PKCS#11 của nó.</translation>
    </message>
    <message>
        <source>PKCS#11 library of the token driver</source>
        <translation>Thư viện PKCS#11 của trình điều khiển token</translation>
    </message>
    <message>
        <source>PKCS#11 libraries (*.so *.so.* *.dll *.dylib);;All files (*)</source>
        <translation>Thư viện PKCS#11 (*.so *.so.* *.dll *.dylib);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>No signing token is plugged in. Plug in your USB token and press F5.</source>
        <translation>Chưa cắm thiết bị ký số. Hãy cắm USB token rồi bấm F5.</translation>
    </message>
    <message>
        <source>This certificate is not valid today.</source>
        <translation>Chứng thư số này không còn (hoặc chưa có) hiệu lực hôm nay.</translation>
    </message>
    <message>
        <source>This token holds no certificate.</source>
        <translation>Token này không có chứng thư số nào.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) on the token.</source>
        <translation><numerusform>Token có %n chứng thư số.</numerusform></translation>
    </message>
    <message>
        <source>Choose a token driver, a token and a certificate first.</source>
        <translation>Hãy chọn trình điều khiển, token và chứng thư số trước.</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Cấp cho</translation>
    </message>
    <message>
        <source>used to list the certificates, not kept</source>
        <translation>chỉ dùng để liệt kê chứng thư số, không lưu</translation>
    </message>
    <message>
        <source>Token &amp;driver (PKCS#11) or remote signing service:</source>
        <translation>Trình điều khiển token (PKCS#11) hoặc &amp;dịch vụ ký số từ xa:</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>Tài &amp;khoản:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mật k&amp;hẩu:</translation>
    </message>
    <message>
        <source>This account has no signing certificate at the service.</source>
        <translation>Tài khoản này chưa có chứng thư số nào tại dịch vụ.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::UnitsPage</name>
    <message>
        <source>No file chosen.</source>
        <translation>Chưa chọn tệp.</translation>
    </message>
    <message>
        <source>&amp;Apply the import (Ctrl+Enter)</source>
        <translation>Á&amp;p dụng (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Search by name or code, accents optional (Ctrl+F)</source>
        <translation>Tìm theo tên hoặc mã, có dấu hay không dấu (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>Tải lại (F5)</translation>
    </message>
    <message>
        <source>Import the statistics office&apos;s list (Ctrl+O)</source>
        <translation>Nhập danh mục của Cục Thống kê (Ctrl+O)</translation>
    </message>
    <message>
        <source>List of administrative units</source>
        <translation>Danh mục đơn vị hành chính</translation>
    </message>
    <message>
        <source>Lists (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</source>
        <translation>Danh mục (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export CSV (Ctrl+Shift+X)</source>
        <translation>Xuất CSV (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Export the administrative units</source>
        <translation>Xuất danh mục đơn vị hành chính</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Apply the import</source>
        <translation>Áp dụng việc nhập</translation>
    </message>
    <message>
        <source>The National Statistics Office&apos;s list as CSV or Excel (.xlsx): columns level, code, name, division_type, parent_code, or the office&apos;s Mã TP, Tỉnh / Thành phố, Mã, Tên, Cấp. Nothing is written until you apply the preview.</source>
        <translation>Danh mục của Cục Thống kê dạng CSV hoặc Excel (.xlsx): các cột level, code, name, division_type, parent_code, hoặc các cột của Cục Mã TP, Tỉnh / Thành phố, Mã, Tên, Cấp. Chưa ghi gì cho đến khi bạn áp dụng bản xem trước.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Đang đọc…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <source>Communes</source>
        <translation>Số xã, phường</translation>
    </message>
    <message>
        <source>%1 provinces and cities, %2 communes, wards and special zones</source>
        <translation>%1 tỉnh, thành phố; %2 xã, phường, đặc khu</translation>
    </message>
    <message>
        <source>Found %1 of %2 provinces, %3 of %4 communes</source>
        <translation>Tìm thấy %1/%2 tỉnh, thành phố; %3/%4 xã, phường, đặc khu</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>Checking the list on the server…</source>
        <translation>Đang kiểm tra danh mục trên máy chủ…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message numerus="yes">
        <source>The list has %n fault(s); nothing was imported. Correct the rows below and open the file again.</source>
        <translation><numerusform>Danh mục có %n lỗi; chưa nhập đơn vị nào. Hãy sửa các dòng dưới đây rồi mở lại tệp.</numerusform></translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh, thành phố</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Trường thay đổi</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa đổi</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged.</source>
        <translation>%1 thêm mới, %2 sửa đổi, %3 không đổi.</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>Đã nhập: %1</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Xem trước: %1</translation>
    </message>
    <message>
        <source>Exported %1 units to %2.</source>
        <translation>Đã xuất %1 đơn vị ra %2.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::WorkflowDesigner</name>
    <message>
        <source>no statutory deadline</source>
        <translation>không quy định thời hạn</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 ngày làm việc</translation>
    </message>
    <message>
        <source>%1 working hours</source>
        <translation>%1 giờ làm việc</translation>
    </message>
    <message>
        <source>%1 working minutes</source>
        <translation>%1 phút làm việc</translation>
    </message>
    <message>
        <source>&amp;Timed workflow (each step has a time limit)</source>
        <translation>Quy trình &amp;có tính thời gian (mỗi bước có thời hạn)</translation>
    </message>
    <message>
        <source>Step that asks the applicant to &amp;supplement</source>
        <translation>Bước yêu cầu tổ chức, cá nhân &amp;bổ sung hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>&amp;Lưu thành phiên bản mới</translation>
    </message>
    <message>
        <source>Workflow designer</source>
        <translation>Thiết kế quy trình xử lý</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Phòng ban</translation>
    </message>
    <message>
        <source>Named officer</source>
        <translation>Cán bộ cụ thể</translation>
    </message>
    <message>
        <source>&amp;Workflows</source>
        <translation>&amp;Quy trình</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>&amp;Phiên bản</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Tên</translation>
    </message>
    <message>
        <source>Applies to dossiers from</source>
        <translation>Áp dụng cho hồ sơ từ</translation>
    </message>
    <message>
        <source>Start ste&amp;p</source>
        <translation>Bước &amp;bắt đầu</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>&amp;Thêm bước</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Lên</translation>
    </message>
    <message>
        <source>Do&amp;wn</source>
        <translation>X&amp;uống</translation>
    </message>
    <message>
        <source>Step na&amp;me</source>
        <translation>Tên &amp;bước</translation>
    </message>
    <message>
        <source>Handled &amp;by</source>
        <translation>&amp;Giao cho</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>Thời &amp;hạn</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Các bước xử lý</translation>
    </message>
    <message>
        <source>Add &amp;transition</source>
        <translation>Thêm bước &amp;chuyển</translation>
    </message>
    <message>
        <source>Remove transition</source>
        <translation>Xoá bước chuyển</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Bước chuyển</translation>
    </message>
    <message>
        <source>&amp;Export diagram…</source>
        <translation>&amp;Xuất sơ đồ…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>Lưu thành phiên bản mới</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Thêm bước</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Xoá bước</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>Chuyển bước lên</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>Chuyển bước xuống</translation>
    </message>
    <message>
        <source>Add transition</source>
        <translation>Thêm bước chuyển</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>Xuất sơ đồ</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Rename the workflow</source>
        <translation>Đổi tên quy trình</translation>
    </message>
    <message>
        <source>Timed or untimed</source>
        <translation>Tính hoặc không tính thời gian</translation>
    </message>
    <message>
        <source>Sources of dossiers</source>
        <translation>Nguồn hồ sơ</translation>
    </message>
    <message>
        <source>Start step</source>
        <translation>Bước bắt đầu</translation>
    </message>
    <message>
        <source>Only administrators may change workflows.</source>
        <translation>Chỉ người quản trị được thay đổi quy trình.</translation>
    </message>
    <message>
        <source>%1
%2 · version %3</source>
        <translation>%1
%2 · phiên bản %3</translation>
    </message>
    <message>
        <source>Version %1 (latest)</source>
        <translation>Phiên bản %1 (mới nhất)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <source>Choose a workflow on the left.</source>
        <translation>Chọn một quy trình ở danh sách bên trái.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Procedure %1&lt;/b&gt; — deadline: %2</source>
        <translation>&lt;b&gt;Thủ tục %1&lt;/b&gt; — thời hạn giải quyết: %2</translation>
    </message>
    <message>
        <source>untimed</source>
        <translation>không tính thời gian</translation>
    </message>
    <message>
        <source> (supplement)</source>
        <translation> (bổ sung)</translation>
    </message>
    <message>
        <source>Total of the steps: %1 of %2</source>
        <translation>Tổng thời gian các bước: %1 / %2</translation>
    </message>
    <message>
        <source>Untimed workflow: no limit on the total.</source>
        <translation>Quy trình không tính thời gian: không giới hạn tổng thời gian.</translation>
    </message>
    <message>
        <source>The workflow is valid.</source>
        <translation>Quy trình hợp lệ.</translation>
    </message>
    <message>
        <source>Edit step</source>
        <translation>Sửa bước</translation>
    </message>
    <message>
        <source>Duration of step %1</source>
        <translation>Thời hạn của bước %1</translation>
    </message>
    <message>
        <source>New step %1</source>
        <translation>Bước mới %1</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Thêm bước</translation>
    </message>
    <message>
        <source>Remove a step</source>
        <translation>Xoá bước</translation>
    </message>
    <message>
        <source>Move a step</source>
        <translation>Chuyển vị trí bước</translation>
    </message>
    <message>
        <source>Add a transition</source>
        <translation>Thêm bước chuyển</translation>
    </message>
    <message>
        <source>Remove a transition</source>
        <translation>Xoá bước chuyển</translation>
    </message>
    <message>
        <source>Export the diagram</source>
        <translation>Xuất sơ đồ quy trình</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>Ảnh PNG (*.png);;Tài liệu PDF (*.pdf);;Bản vẽ SVG (*.svg)</translation>
    </message>
    <message>
        <source>Group of officers</source>
        <translation>Nhóm cán bộ</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>A step given to a role is open to every officer of that role; one given to a department, an officer, a group or a position only to the officers it names.</source>
        <translation>Bước giao cho một vai trò thì mọi cán bộ có vai trò đó đều xử lý được; bước giao cho phòng ban, cán bộ, nhóm hoặc chức vụ thì chỉ những cán bộ thuộc đó mới xử lý được.</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Nhóm %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n member(s))</source>
        <translation><numerusform>%1 (%n thành viên)</numerusform></translation>
    </message>
    <message>
        <source>e.g. Trưởng phòng</source>
        <translation>ví dụ: Trưởng phòng</translation>
    </message>
</context>
<context>
    <name>motcua::ui::WorkflowDiagram</name>
    <message>
        <source>CURRENT STEP</source>
        <translation>BƯỚC HIỆN TẠI</translation>
    </message>
    <message>
        <source>SUPPLEMENT STEP</source>
        <translation>BƯỚC BỔ SUNG HỒ SƠ</translation>
    </message>
    <message>
        <source>Untimed</source>
        <translation>Không tính thời gian</translation>
    </message>
    <message>
        <source>Time limit: %1</source>
        <translation>Thời hạn: %1</translation>
    </message>
    <message>
        <source>Role %1</source>
        <translation>Vai trò %1</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>Phòng, ban %1</translation>
    </message>
    <message>
        <source>Officer %1</source>
        <translation>Cán bộ %1</translation>
    </message>
    <message>
        <source>Procedure %1 · version %2</source>
        <translation>Thủ tục %1 · phiên bản %2</translation>
    </message>
    <message>
        <source>total time %1</source>
        <translation>tổng thời gian %1</translation>
    </message>
    <message>
        <source>untimed workflow</source>
        <translation>quy trình không tính thời gian</translation>
    </message>
    <message>
        <source>Applies to: %1</source>
        <translation>Áp dụng cho hồ sơ: %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Could not write the diagram to %1.</source>
        <translation>Không ghi được sơ đồ vào %1.</translation>
    </message>
    <message>
        <source>Workflow %1, version %2</source>
        <translation>Quy trình %1, phiên bản %2</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Nhóm %1</translation>
    </message>
    <message>
        <source>Position: %1</source>
        <translation>Chức vụ: %1</translation>
    </message>
</context>
<context>
    <name>motcua::ui::WorkspacePage</name>
    <message>
        <source>&lt;h2&gt;Workspace&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bàn làm việc&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>My queues (Alt+1…Alt+9 opens one)</source>
        <translation>Hồ sơ của tôi (Alt+1…Alt+9 để mở)</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Nhắc việc</translation>
    </message>
    <message>
        <source>Overdue: %1 — %2</source>
        <translation>Quá hạn: %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>Nearly due: %n dossier(s) within %1 working days</source>
        <translation><numerusform>Sắp đến hạn: %n hồ sơ trong %1 ngày làm việc</numerusform></translation>
    </message>
    <message>
        <source>New: %1 (+%2)</source>
        <translation>Mới: %1 (+%2)</translation>
    </message>
    <message>
        <source>Nothing overdue, nothing new.</source>
        <translation>Không có hồ sơ quá hạn hay hồ sơ mới.</translation>
    </message>
    <message>
        <source>MotCua — new work</source>
        <translation>MotCua — có việc mới</translation>
    </message>
</context>
<context>
    <name>motcua::ui::processing::ApproveDialog</name>
    <message>
        <source>&amp;Final approval (otherwise signed and passed to the next signer)</source>
        <translation>&amp;Phê duyệt cuối cùng (nếu không: ký và trình cấp tiếp theo)</translation>
    </message>
    <message numerus="yes">
        <source>%n sign-off(s) already on this round.</source>
        <translation><numerusform>Đã có %n chữ ký duyệt trong lượt trình này.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>motcua::ui::processing::AssignDialog</name>
    <message>
        <source>&amp;Appraiser:</source>
        <translation>&amp;Cán bộ thẩm định:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>motcua::ui::processing::BatchDialog</name>
    <message numerus="yes">
        <source>%1 — %n dossier(s)</source>
        <translation><numerusform>%1 — %n hồ sơ</numerusform></translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Đã xong: %1</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Không thực hiện được: %1</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>Đã xong %1/%2</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 done, the others untouched.</source>
        <translation>Đã hủy: xong %1/%2 hồ sơ, các hồ sơ còn lại giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>motcua::ui::processing::ConsultDialog</name>
    <message>
        <source>Ask &amp;whom:</source>
        <translation>Xin ý kiến &amp;cơ quan:</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
    <message>
        <source>Answer &amp;by:</source>
        <translation>&amp;Hạn trả lời:</translation>
    </message>
    <message>
        <source>&amp;Reply method:</source>
        <translation>&amp;Hình thức trả lời:</translation>
    </message>
</context>
<context>
    <name>motcua::ui::processing::ExtendDialog</name>
    <message>
        <source>Extend by (&amp;working days):</source>
        <translation>Gia hạn (số &amp;ngày làm việc):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Due %1 → %2</source>
        <translation>Hạn xử lý %1 → %2</translation>
    </message>
</context>
<context>
    <name>motcua::ui::processing::OpinionDialog</name>
    <message>
        <source>%1 (answer by %2)</source>
        <translation>%1 (hạn trả lời %2)</translation>
    </message>
    <message>
        <source>&amp;Consultation:</source>
        <translation>&amp;Phiếu xin ý kiến:</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>Ý kiến &amp;trả lời:</translation>
    </message>
</context>
<context>
    <name>motcua::ui::processing::ReturnDialog</name>
    <message>
        <source>&amp;Originals shown and checked</source>
        <translation>Đã xuất trình và đối chiếu &amp;bản chính</translation>
    </message>
    <message>
        <source>The applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>A proxy (with a power of attorney)</source>
        <translation>Người được ủy quyền (có giấy ủy quyền)</translation>
    </message>
    <message>
        <source>An authorised recipient</source>
        <translation>Người được phép nhận thay</translation>
    </message>
    <message>
        <source>Fees due: %1 VND</source>
        <translation>Phí, lệ phí phải nộp: %1 đồng</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Người nhận:</translation>
    </message>
    <message>
        <source>Recipient &amp;is:</source>
        <translation>Người nhận &amp;là:</translation>
    </message>
    <message>
        <source>&amp;Fee receipt no.:</source>
        <translation>Số &amp;biên lai thu phí:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>motcua::ui::processing::TransferDialog</name>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;Cơ quan:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Phòng ban:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>(the agency decides)</source>
        <translation>(cơ quan tự phân)</translation>
    </message>
</context>
</TS>
