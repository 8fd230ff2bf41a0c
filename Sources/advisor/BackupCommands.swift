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
        defer { try? db.close() }
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
        discussion: """
        The database being replaced is kept beside it as <db>.before-restore-YYYYMMDD-HHMMSS. Every terminal
        on the shop must be closed first. A current file that cannot be opened (so nobody's role can be
        checked in it) is replaced only with --force, by the file's owner or root.
        """)

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Replace a current file that cannot be opened (only its owner or root).")
    var force = false

    @Argument(help: "The backup file to restore.")
    var file: String

    func run() throws {
        let now = Date()
        let target = (database.path as NSString).expandingTildeInPath
        let exists = ((try? FileManager.default.attributesOfItem(atPath: target)[.size] as? NSNumber)??.intValue ?? 0) > 0
        var op = Operator(staffID: nil, name: OperatorIdentity.login)
        if exists {
            do {
                // Read-only: checking who may restore never waits for a writer, and never changes the file.
                let live = try AppDatabase.openReadOnly(path: target)
                defer { try? live.close() }
                guard try !live.allStaff().isEmpty else { throw RestoreRefusal.noStaff }
                let me = try OperatorIdentity.require(in: live, now: now)
                try OperatorIdentity.require(.restoreBackup, me)
                op = me.asOperator
            } catch let error as StoreError {
                switch error {
                case .notSQLite, .corrupt, .newerSchema:
                    try RestoreRefusal.requireForce(force, target: target, reason: error.message, backup: file)
                default: throw CLIError(error.message)
                }
            } catch RestoreRefusal.noStaff {
                // No staff record to check a role in: the file's owner (or root) decides, as for a damaged file.
                try RestoreRefusal.requireForce(force, target: target, reason: RestoreRefusal.noStaffReason, backup: file)
            } catch let error as UserFacingError {
                throw CLIError(error.message)
            }
        }
        do {
            let report = try AppDatabase.restore(backup: file, into: target, operator: op, now: now,
                                                 timeZone: TimeZone.current, replaceUnopenable: force)
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
