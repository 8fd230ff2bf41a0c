import Foundation
import ServiceDomain

/// Everything the store refuses, with a sentence a clerk or a manager can act on.
public enum StoreError: UserFacingError, Equatable {
    /// The file exists but is not an SQLite database (wrong path, or something else overwrote it).
    case notSQLite(path: String)
    /// The file is an SQLite database but damaged (truncated copy, disk error).
    case corrupt(path: String, detail: String)
    /// The file or its folder cannot be written by this user.
    case readOnly(path: String)
    /// Another process kept the database locked longer than the busy timeout.
    case locked(path: String)
    /// The folder for the database cannot be created.
    case cannotCreate(path: String, detail: String)
    /// The file was written by a newer version of the program.
    case newerSchema(path: String)
    /// Someone saved the same record since it was loaded. `changedBy`/`changedAt` come from the audit log.
    case conflict(entity: String, id: RowID, changedBy: String?, changedAt: String?)
    case notFound(entity: String, id: RowID)
    case duplicatePlate(plate: String, ownerName: String, ownerPhone: String)
    case duplicateVIN(vin: String, plate: String, ownerName: String, ownerPhone: String)
    case duplicateLogin(login: String)
    /// An export file could not be written.
    case cannotWriteFile(path: String, detail: String)
    /// A file to import could not be read.
    case cannotReadFile(path: String, detail: String)
    /// A change the store does not make through this call; the message says which call to use.
    case notAllowed(Message)
    /// A value in the file could not be read back (an enum raw value this program does not know).
    case unreadableValue(table: String, column: String, value: String)
    /// The disk (or the file's size limit) is full: the change was rolled back, nothing half-written.
    case diskFull(path: String)
    /// The database file was deleted, moved or replaced while the program had it open.
    case fileGone(path: String)
    /// The operating system reported a read or write error on the file.
    case ioError(path: String, detail: String)

    public var message: Message {
        switch self {
        case .notSQLite(let path):
            return Message(
                zh: "文件 \(path) 不是本系统的数据库（不是 SQLite 文件）。文件未被改动。请检查路径（--db 或 ADVISOR_DB），或从备份恢复。",
                en: "\(path) is not an Advisor database (not an SQLite file). The file was left untouched. "
                    + "Check the path (--db or ADVISOR_DB) or restore it from a backup.")
        case .corrupt(let path, let detail):
            return Message(
                zh: "数据库 \(path) 已损坏（\(detail)）。文件未被改动。请从备份恢复，或联系管理员。",
                en: "The database \(path) is damaged (\(detail)). The file was left untouched. "
                    + "Restore it from a backup or call the administrator.")
        case .readOnly(let path):
            return Message(
                zh: "无法写入 \(path)（文件或所在文件夹只读）。请让管理员授予写权限，或用 --db 指定其他位置。",
                en: "Cannot write \(path) (the file or its folder is read-only). "
                    + "Ask the administrator for write access, or choose another location with --db.")
        case .locked(let path):
            return Message(
                zh: "数据库 \(path) 被其他程序锁定，等待超时。请稍后重试；若一直如此，请关闭其他正在使用它的程序。",
                en: "The database \(path) is locked by another program and the wait timed out. "
                    + "Try again in a moment; if it persists, close the other program using it.")
        case .cannotCreate(let path, let detail):
            return Message(
                zh: "无法创建数据库文件夹 \(path)（\(detail)）。请检查权限，或用 --db 指定其他位置。",
                en: "Cannot create the database folder \(path) (\(detail)). "
                    + "Check permissions, or choose another location with --db.")
        case .newerSchema(let path):
            return Message(
                zh: "数据库 \(path) 由更新版本的程序创建。请升级本程序后再打开。",
                en: "The database \(path) was written by a newer version of this program. Upgrade before opening it.")
        case .conflict(let entity, let id, let changedBy, let changedAt):
            let label = EntityLabel.of(entity)
            if let changedBy, let changedAt {
                return Message(
                    zh: "\(label.zh) #\(id) 已被 \(changedBy) 于 \(changedAt) 修改，请重新加载后再保存。",
                    en: "This \(label.en) (#\(id)) was changed by \(changedBy) at \(changedAt), reload and try again.")
            }
            return Message(
                zh: "\(label.zh) #\(id) 已被他人修改，请重新加载后再保存。",
                en: "This \(label.en) (#\(id)) was changed by someone else, reload and try again.")
        case .notFound(let entity, let id):
            let label = EntityLabel.of(entity)
            return Message(zh: "找不到\(label.zh) #\(id)，可能已被删除。请重新加载。",
                           en: "\(label.en.capitalized) #\(id) was not found; it may have been removed. Reload.")
        case .duplicatePlate(let plate, let ownerName, let ownerPhone):
            return Message(
                zh: "车牌号：\(plate) 已登记在客户 \(ownerName)（\(ownerPhone)）名下。请打开该客户，或更正车牌。",
                en: "Plate: \(plate) is already registered to \(ownerName) (\(ownerPhone)). "
                    + "Open that customer, or correct the plate.")
        case .duplicateVIN(let vin, let plate, let ownerName, let ownerPhone):
            return Message(
                zh: "车架号(VIN)：\(vin) 已登记为车辆 \(plate)，客户 \(ownerName)（\(ownerPhone)）。请打开该客户，或更正 VIN。",
                en: "VIN: \(vin) is already registered as \(plate), customer \(ownerName) (\(ownerPhone)). "
                    + "Open that customer, or correct the VIN.")
        case .duplicateLogin(let login):
            return Message(zh: "登录名：\(login) 已被其他员工使用。请换一个登录名。",
                           en: "Login: \(login) is already used by another staff member. Choose another login.")
        case .cannotWriteFile(let path, let detail):
            return Message(zh: "无法写入文件 \(path)（\(detail)）。请检查文件夹权限和磁盘空间。",
                           en: "Cannot write \(path) (\(detail)). Check the folder's permissions and the free disk space.")
        case .cannotReadFile(let path, let detail):
            return Message(zh: "无法读取文件 \(path)（\(detail)）。请检查路径和权限。",
                           en: "Cannot read \(path) (\(detail)). Check the path and permissions.")
        case .notAllowed(let message):
            return message
        case .unreadableValue(let table, let column, let value):
            return Message(
                zh: "数据库中 \(table).\(column) 的值“\(value)”无法识别。可能由更新版本的程序写入，请升级程序。",
                en: "The value \"\(value)\" in \(table).\(column) is not understood; "
                    + "it may have been written by a newer version. Upgrade the program.")
        case .diskFull(let path):
            // Said the same on the command line and in the console; nothing here claims a form is on screen
            // (a command typed nothing into one; the console keeps its form open by itself).
            return Message(
                zh: "存放 \(path) 的磁盘已满；请清理磁盘空间后再运行一次。本次修改未保存（已撤回，数据完好）。",
                en: "The disk holding \(path) is full; free space and run it again. "
                    + "This change was not saved (rolled back, the data is intact).")
        case .fileGone(let path):
            return Message(
                zh: "数据库文件 \(path) 已被删除或移走，此后的修改无法保存。请勿继续录入：退出程序，恢复该文件（或从备份恢复）后重新打开。",
                en: "The database file \(path) was deleted or moved away; changes can no longer be saved. "
                    + "Stop entering data: quit, put the file back (or restore a backup) and start again.")
        case .ioError(let path, let detail):
            return Message(
                zh: "读写 \(path) 时出错（\(detail)）。本次修改未保存。请检查磁盘，或联系管理员。",
                en: "A disk error occurred on \(path) (\(detail)). This change was not saved. "
                    + "Check the disk or call the administrator.")
        }
    }
}

/// Human names for the tables that appear in conflict / not-found messages.
enum EntityLabel {
    static func of(_ table: String) -> Message {
        switch table {
        case "customer": Message(zh: "客户", en: "customer")
        case "vehicle": Message(zh: "车辆", en: "vehicle")
        case "staff": Message(zh: "员工", en: "staff record")
        case "repair_order": Message(zh: "工单", en: "repair order")
        case "appointment": Message(zh: "预约", en: "appointment")
        case "callback": Message(zh: "回访", en: "callback")
        case "complaint": Message(zh: "投诉", en: "complaint")
        case "comeback": Message(zh: "返修记录", en: "comeback")
        case "setting": Message(zh: "设置", en: "setting")
        default: Message(zh: "记录", en: "record")
        }
    }
}
