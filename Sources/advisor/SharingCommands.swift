import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore

struct SetupSharedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup-shared",
        abstract: "Share the shop between OS users: folder and files owned by GROUP, 2770/0660 (the file's owner or root).",
        discussion: """
        Each desk logs in as its own OS user, all of them members of GROUP. The database folder gets the group
        and the setgid bit, so the files every desk creates later (the WAL, backups, work orders, delivery
        summaries) keep the group; the files are 0660, other users get nothing. Anyone who can write the
        file can change it outside this program (sqlite3), so the audit trail is only as strong as these
        permissions: keep GROUP to the shop's staff.
        """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The OS group of the shop's staff (create it with groupadd and add each desk's login).")
    var group: String

    func run() throws {
        let path = (database.path as NSString).expandingTildeInPath
        do {
            let changed = try SharedSetup.apply(database: path, group: group)
            let zh = CLILanguage.current == .zhHans
            print(zh ? "已设置共享：\(changed.count) 个文件和文件夹归用户组 \(group) 所有（文件夹 2770，文件 0660）"
                     : "Shared: \(changed.count) files and folders now belong to the group \(group) (folders 2770, files 0660)")
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}
