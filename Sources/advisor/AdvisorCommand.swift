import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore

@main
struct AdvisorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisor",
        abstract: "Advisor Console: the after-sales service desk of a car dealership, in the terminal.",
        discussion: """
        Run `advisor` to open the console on the shop's database; `advisor --demo` first fills an empty
        database with a demo shop. The database is one SQLite file: --db PATH, else $ADVISOR_DB, else
        $XDG_DATA_HOME/advisor/advisor.db (or ~/.local/share/advisor/advisor.db).
        """,
        subcommands: [ConsoleCommand.self, DemoCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, ImportHistoryCommand.self,
                      ComebacksCommand.self, ReportCommand.self,
                      StaffCommand.self, SettleCommand.self, StatementCommand.self, LabourCommand.self,
                      LabourCatalogueCommand.self, LabourRateCommand.self, ArchiveCommand.self, BackupCommand.self, RestoreCommand.self, SetupSharedCommand.self,
                      TortureWriterCommand.self, ConcurrencyWorkerCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    /// As ArgumentParser's own `main`, with two differences: a first word that is no command is refused
    /// (it would otherwise reach the console, the default command, as a stray argument), and an error
    /// that has a sentence for people (a full disk, a locked file) is printed as that sentence, never as
    /// an enum case or SQLite's "disk I/O error".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) {
            FileHandle.standardError.write(Data((unknownCommand(first).text(CLILanguage.current) + "\n").utf8))
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as CLIError {
            exit(withError: error)
        } catch {
            let translated = DatabaseOptions.lastPath.map { AppDatabase.userFacing(error, path: $0) } ?? error
            if let readable = translated as? UserFacingError { exit(withError: CLIError(readable.message)) }
            exit(withError: error)
        }
    }

    /// Every subcommand's name (hidden ones too: tests and tools call them), and ArgumentParser's `help`.
    static var commandNames: Set<String> {
        var names: Set<String> = ["help"]
        for sub in configuration.subcommands {
            if let name = sub.configuration.commandName { names.insert(name) }
            names.formUnion(sub.configuration.aliases)
        }
        return names
    }

    static func unknownCommand(_ word: String) -> Message {
        let visible = configuration.subcommands.filter { $0.configuration.shouldDisplay }
            .compactMap { $0.configuration.commandName }
        let word = FreeText.sanitize(word)
        return Message(zh: "advisor：“\(word)” 不是命令。命令有：\(visible.joined(separator: "、"))。不带命令运行 advisor 打开控制台；advisor help 命令 查看说明。",
                       en: "advisor: \"\(word)\" is not a command. The commands are: \(visible.joined(separator: ", ")). "
                           + "Run advisor without a command to open the console; advisor help COMMAND explains one.")
    }
}

/// Options every subcommand shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The shop's database file (default: $ADVISOR_DB or ~/.local/share/advisor/advisor.db).")
    var db: String?

    /// The location as typed: `--db`, else `$ADVISOR_DB` and the default (`defaultPath` reads it).
    private var typed: String { db ?? AppDatabase.defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// The file path (a `file://` URL as its path); `validate` has refused every other URL.
    var path: String { (try? DatabaseLocation.path(from: typed)) ?? typed }

    /// The file last opened, to name it in an error that reaches `main` without a store's sentence.
    nonisolated(unsafe) static var lastPath: String?

    func validate() throws {
        do {
            _ = try DatabaseLocation.path(from: typed)
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }

    func open() throws -> AppDatabase {
        Self.lastPath = path
        do {
            return try AppDatabase.open(path: path) {
                let note = Message(zh: "正在把本店数据库升级到这个版本（只此一次；十年的数据约需一分钟）…",
                                   en: "Upgrading the shop's database to this version (once; about a minute for ten years of data)…")
                FileHandle.standardError.write(Data((note.text(CLILanguage.current) + "\n").utf8))
            }
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }

    /// For commands that only read: never waits behind a writer, never changes the file.
    func openReadOnly() throws -> AppDatabase {
        do {
            return try AppDatabase.openReadOnly(path: path)
        } catch let error as UserFacingError {
            throw CLIError(error.message)
        }
    }
}

/// An error printed as one clear sentence (in the user's language) with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let message: Message
    init(_ message: Message) { self.message = message }
    var description: String { message.text(CLILanguage.current) }
}

enum CLILanguage {
    static var current: Language {
        let env = ProcessInfo.processInfo.environment
        return Language.fromLocale(env["ADVISOR_LANG"] ?? env["LC_ALL"] ?? env["LC_MESSAGES"] ?? env["LANG"])
    }
}

/// The person at the keyboard: the OS account of the process's real uid (never `$USER`), mapped to a staff
/// record when there is one.
enum OperatorIdentity {
    static var account: OSAccount { OSAccount.current }
    static var login: String { account.login }
    static var displayName: String { account.displayName }

    /// The staff record of the person at the keyboard. On an empty staff list the login becomes the first
    /// admin (`onFirstRun` says so); a login not on the list is refused with who can add it.
    static func require(in db: AppDatabase, now: Date, onFirstRun: (Staff) -> Void = { _ in }) throws -> Staff {
        switch try db.resolveOperator(login: login, displayName: displayName, now: now) {
        case .staff(let staff):
            return staff
        case .firstRunAdmin(let staff):
            onFirstRun(staff)
            return staff
        case .unknown(let login, let admins):
            throw CLIError(UnknownOperatorError(login: login, adminNames: admins.map(\.name)).message)
        }
    }

    /// Refuses with the role needed unless the staff member's roles grant `permission`.
    static func require(_ permission: Permission, _ staff: Staff) throws {
        do {
            try Authorization.require(permission, roles: staff.roles)
        } catch let error as PermissionError {
            throw CLIError(error.message)
        }
    }

    /// A shared desk hands the console to another staff member: their PIN, typed without echo, must
    /// match their stored yescrypt hash. Wrong PINs are counted in the file (per login, across every
    /// process) and lock the login after the shop's limit; a wrong PIN also costs a pause at this desk.
    /// Every outcome goes to the audit trail under `from`, the OS account.
    static func switchTo(_ login: String, from: Staff, in db: AppDatabase) throws -> Staff {
        let now = Date()
        if let until = try db.pinLockedUntil(login: login, now: now) {
            try db.recordPINTryWhileLocked(login: login, by: from.asOperator, now: now)
            throw CLIError(db.pinLockedError(login: login, until: until).message)
        }
        if let target = try db.staff(login: login), target.isActive, try db.staffPINHash(staffID: target.id!) == nil {
            throw noPIN(target)
        }
        let shown = try db.staff(login: login).map(\.name) ?? FreeText.sanitize(login)
        let prompt = CLILanguage.current == .zhHans ? "\(shown) 的 PIN：" : "PIN for \(shown): "
        let pin = StaffPIN.read(prompt: prompt, fromStdin: false) ?? ""
        let outcome = try db.attemptPIN(login: login, by: from.asOperator, refusedAction: "switchRefused", now: Date()) {
            StaffPIN.verify(pin, against: $0)
        }
        switch outcome {
        case .accepted(let target):
            try db.recordOperatorSwitch(osOperator: from.asOperator, requestedLogin: login, to: target, accepted: true,
                                        now: Date())
            return target
        case .noPIN(let target):
            throw noPIN(target)
        case .locked(let until):
            throw CLIError(db.pinLockedError(login: login, until: until).message)
        case .refused(_, let lockedUntil):
            sleep(2)
            if let lockedUntil { throw CLIError(db.pinLockedError(login: login, until: lockedUntil).message) }
            throw CLIError(Message(zh: "登录名或 PIN 不正确，未切换操作员", en: "Wrong login or PIN; the operator was not switched"))
        }
    }

    private static func noPIN(_ target: Staff) -> CLIError {
        CLIError(Message(
            zh: "\(target.name) 还没有设置 PIN；请系统管理员运行 advisor staff set-pin \(target.login)",
            en: "\(target.name) has no PIN yet; ask an admin to run advisor staff set-pin \(target.login)"))
    }

    static func firstRunNotice(_ staff: Staff) -> Message {
        Message(zh: "这是本店数据库的首次使用：登录名 \(staff.login) 已成为系统管理员。用 advisor staff add 添加同事。",
                en: "First use of this shop's database: the login \(staff.login) is now its admin. Add colleagues with advisor staff add.")
    }

    static func current(in db: AppDatabase) -> Operator {
        let login = self.login
        if let staff = try? db.staff(login: login) { return Operator(staffID: staff.id, name: staff.name) }
        return Operator(staffID: nil, name: login)
    }
}
