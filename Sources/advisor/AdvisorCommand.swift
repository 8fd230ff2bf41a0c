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
        subcommands: [ConsoleCommand.self, DemoCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self],
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
            return try AppDatabase.open(path: path)
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

    static func current(in db: AppDatabase) -> Operator {
        let login = self.login
        if let staff = try? db.staff(login: login) { return Operator(staffID: staff.id, name: staff.name) }
        return Operator(staffID: nil, name: login)
    }
}
