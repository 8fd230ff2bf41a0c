import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Make an online backup now (safe while terminals are working); keeps the newest backup.keep files.",
        discussion: """
        Backups go to the backups/ folder beside the database (owner-only), named advisor-YYYYMMDD-HHMMSS.db.
        The console also makes one on its first start each day. Set how many to keep with the setting
        backup.keep (default 14).
        """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Folder for the backup (default: backups/ beside the database).")
    var to: String?

    func run() throws {
        let db = try database.open()
        let me = try OperatorIdentity.require(in: db, now: Date())
        try OperatorIdentity.require(.exportPersonalData, me)
        do {
            let file = try db.makeBackup(now: Date(), directory: to.map { ($0 as NSString).expandingTildeInPath })
            print(CLILanguage.current == .zhHans ? "已备份到 \(file)" : "Backed up to \(file)")
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup, after checking the backup's integrity (admin only).",
        discussion: "The database being replaced is kept beside it as <db>.before-restore-YYYYMMDD-HHMMSS.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The backup file to restore.")
    var file: String

    func run() throws {
        let now = Date()
        // When the current database still opens, only its admins may replace it. When it does not
        // (that is usually why one restores), write access to the file is what decides.
        var op = Operator(staffID: nil, name: OperatorIdentity.login)
        if let live = try? AppDatabase.open(path: database.path) {
            let me = try OperatorIdentity.require(in: live, now: now)
            try OperatorIdentity.require(.restoreBackup, me)
            op = me.asOperator
            try? live.close()
        }
        do {
            let report = try AppDatabase.restore(backup: file, into: database.path, operator: op, now: now,
                                                 timeZone: TimeZone.current)
            let zh = CLILanguage.current == .zhHans
            print(zh ? "已从 \(file) 恢复 \(database.path)" : "Restored \(database.path) from \(file)")
            if let aside = report.keptAside {
                print(zh ? "原数据库已保留为 \(aside)" : "The replaced database was kept as \(aside)")
            }
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}
