<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>motcua::ui::MainWindow</name>
    <message>
        <source>Administration</source>
        <translation>Quản trị hệ thống</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Quản trị hệ thống</translation>
    </message>
</context>
<context>
    <name>motcua::ui::AdminPage</name>
    <message>
        <source>Accounts (Ctrl+Alt+1)</source>
        <translation>Tài khoản (Ctrl+Alt+1)</translation>
    </message>
    <message>
        <source>Procedure import (Ctrl+Alt+2)</source>
        <translation>Nhập thủ tục (Ctrl+Alt+2)</translation>
    </message>
    <message>
        <source>Form templates (Ctrl+Alt+3)</source>
        <translation>Biểu mẫu (Ctrl+Alt+3)</translation>
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
        <source>Export CSV</source>
        <translation>Xuất CSV</translation>
    </message>
    <message>
        <source>Export the officer list</source>
        <translation>Xuất danh sách cán bộ</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
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
        <source>%n account(s).</source>
        <translation>
            <numerusform>%n tài khoản.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) exported to %1.</source>
        <translation>
            <numerusform>Đã xuất %n tài khoản ra %1.</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>The file has %n fault(s); nothing was imported. Correct the rows below and open the file again.</source>
        <translation>
            <numerusform>Tệp có %n lỗi; chưa nhập thủ tục nào. Hãy sửa các dòng dưới đây rồi mở lại tệp.</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%n form template(s).</source>
        <translation>
            <numerusform>%n biểu mẫu.</numerusform>
        </translation>
    </message>
</context>
</TS>
