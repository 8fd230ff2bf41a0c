import Foundation
import ServiceDomain
import ServiceStore

/// The rule for a restore over a file in which nobody's role can be checked (damaged, not SQLite,
/// from a newer version, or without staff): only with `--force`, only by the file's owner or root,
/// and the user is told what the replaced file holds that the restored shop will not.
enum RestoreRefusal: Error {
    case noStaff

    static let noStaffReason = Message(zh: "其中没有员工记录，无法核对恢复者的角色",
                                       en: "it holds no staff records, so the restorer's role cannot be checked")

    static func requireForce(_ force: Bool, target: String, reason: Message, backup: String) throws {
        let owner = fileOwner(target)
        guard force else {
            throw CLIError(Message(
                zh: "无法核对恢复权限：当前数据库 \(target) 打不开（\(reason.zh)）。未做任何改动。若确认该文件已无法使用，"
                    + "请由文件所有者（\(owner.name)）或 root 加 --force 重新运行。",
                en: "Cannot check who may restore: the current database \(target) does not open (\(reason.en)). Nothing was "
                    + "changed. If the file is beyond use, its owner (\(owner.name)) or root can run this again with --force."))
        }
        guard getuid() == 0 || getuid() == owner.uid else {
            throw CLIError(Message(
                zh: "只有文件所有者（\(owner.name)）或 root 可以用 --force 替换 \(target)。未做任何改动。",
                en: "Only the file's owner (\(owner.name)) or root may replace \(target) with --force. Nothing was changed."))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: target)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let changed = (attributes?[.modificationDate] as? Date).map(minuteText) ?? "?"
        let made = ((try? FileManager.default.attributesOfItem(atPath: backup))?[.modificationDate] as? Date)
            .map(minuteText) ?? "?"
        let note = Message(
            zh: "注意：当前文件（\(size) 字节，最后修改于 \(changed)）将被移到一旁保留；它在备份（\(made)）之后记录的一切"
                + "都不会出现在恢复后的数据库中。",
            en: "Note: the current file (\(size) bytes, last changed \(changed)) is moved aside and kept; everything it "
                + "recorded after the backup (made \(made)) will not be in the restored shop.")
        FileHandle.standardError.write(Data((note.text(CLILanguage.current) + "\n").utf8))
    }

    private static func fileOwner(_ path: String) -> (uid: uid_t, name: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (0, "root") }
        if let pw = getpwuid(info.st_uid), let name = pw.pointee.pw_name { return (info.st_uid, String(cString: name)) }
        return (info.st_uid, "uid \(info.st_uid)")
    }

    /// In the machine's zone: the file's time as `ls` shows it, not the shop's.
    private static func minuteText(_ date: Date) -> String { ShopTime.dateTime(date, .current) }
}
