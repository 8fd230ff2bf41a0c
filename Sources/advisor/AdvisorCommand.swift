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
        subcommands: [ConsoleCommand.self, DemoCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, ReportCommand.self,
                      StaffCommand.self, BackupCommand.self, RestoreCommand.self, SetupSharedCommand.self,
                      TortureWriterCommand.self, ConcurrencyWorkerCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}

/// Options every subcommand shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The shop's database file (default: $ADVISOR_DB or ~/.local/share/advisor/advisor.db).")
    var db: String?

    var path: String { db ?? AppDatabase.defaultPath(environment: ProcessInfo.processInfo.environment) }

    func open() throws -> AppDatabase {
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

/// The person at the keyboard: the OS login, mapped to a staff record when there is one.
enum OperatorIdentity {
    static var login: String {
        let env = ProcessInfo.processInfo.environment
        if let user = env["USER"] ?? env["LOGNAME"], !user.isEmpty { return user }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }

    /// The full name the OS knows for the login (the first field of GECOS), else the login.
    static var displayName: String {
        if let pw = getpwuid(getuid()), let gecos = pw.pointee.pw_gecos {
            let name = String(cString: gecos).split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if !name.isEmpty, String(cString: pw.pointee.pw_name) == login { return name }
        }
        return login
    }

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
    /// match their stored yescrypt hash. A wrong PIN costs a pause, so guessing at the desk is slow.
    /// Switches to `login` after its PIN; both outcomes go to the audit trail under `from`, the OS login.
    static func switchTo(_ login: String, from: Staff, in db: AppDatabase) throws -> Staff {
        let refusal = CLIError(Message(zh: "登录名或 PIN 不正确，未切换操作员", en: "Wrong login or PIN; the operator was not switched"))
        func refuse(_ target: Staff?) throws -> Never {
            try? db.recordOperatorSwitch(osOperator: from.asOperator, requestedLogin: login, to: target, accepted: false,
                                         now: Date())
            sleep(2)
            throw refusal
        }
        guard let target = try db.staff(login: login), target.isActive else { try refuse(nil) }
        guard let stored = try db.staffPINHash(staffID: target.id!) else {
            throw CLIError(Message(
                zh: "\(target.name) 还没有设置 PIN；请系统管理员运行 advisor staff set-pin \(target.login)",
                en: "\(target.name) has no PIN yet; ask an admin to run advisor staff set-pin \(target.login)"))
        }
        let prompt = CLILanguage.current == .zhHans ? "\(target.name) 的 PIN：" : "PIN for \(target.name): "
        guard let pin = StaffPIN.read(prompt: prompt, fromStdin: false), StaffPIN.verify(pin, against: stored) else {
            try refuse(target)
        }
        try db.recordOperatorSwitch(osOperator: from.asOperator, requestedLogin: login, to: target, accepted: true,
                                    now: Date())
        return target
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
