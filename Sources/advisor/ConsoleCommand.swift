import ArgumentParser
import ConsoleApp
import ConsoleCore
import Foundation
import NCursesBackend
import ScreenKit
import ServiceDomain
import ServiceStore
import ShopFixtures

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the full-screen console (the default when no subcommand is given).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Interface language: zh-Hans or en (default: from the locale; zh_* gives Chinese).")
    var lang: String?

    @Option(help: "Theme name (default, high-contrast, mono) or path to a .theme file.")
    var theme: String = "default"

    @Option(name: .customLong("as"), help: "On a shared desk: work as this staff member (asks for their PIN).")
    var asLogin: String?

    @Option(help: ArgumentHelp("The panel to open on: \(Panel.allCases.map(\.commandLineName).joined(separator: ", ")) (default: find).",
                               valueName: "name"))
    var panel: String = Panel.find.commandLineName

    @Flag(help: "Fill an empty database with the demo shop before opening.")
    var demo = false

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil, !["zh", "zh-hans", "cn", "english"].contains(lang.lowercased()) {
            throw ArgumentParser.ValidationError("--lang takes zh-Hans or en (got '\(lang)')")
        }
        if Panel(commandLineName: panel) == nil {
            throw ArgumentParser.ValidationError(Strings.unknownPanelOption(panel).text(CLILanguage.current))
        }
    }

    func run() throws {
        setlocale(LC_ALL, "")
        guard TerminalGuard.stdoutIsTerminal() else {
            FileHandle.standardError.write(Data((CLILanguage.current == .zhHans
                ? "advisor 需要在终端中运行（标准输入输出不是终端）。脚本请使用子命令，如 advisor check、advisor export。\n"
                : "advisor needs a terminal (standard input/output is not a terminal). From scripts use a subcommand such as advisor check or advisor export.\n").utf8))
            throw ExitCode(2)
        }
        let db = try database.open()
        defer { try? db.close() }
        let now = Date()
        let zone = ShopClock.timeZone(db)
        if demo, try db.isEmpty() {
            _ = try DemoShop.populate(db, now: now, timeZone: zone, seed: 2026, operatorLogin: OperatorIdentity.login)
        }
        // The OS authenticated the login; the staff list decides what it may do. An unknown login stops
        // here with who can add it; on an empty staff list the first login becomes admin.
        var notice: StatusLine?
        var me = try OperatorIdentity.require(in: db, now: now) {
            notice = StatusLine(OperatorIdentity.firstRunNotice($0), kind: .info)
        }
        if let asLogin { me = try OperatorIdentity.switchTo(asLogin, from: me, in: db) }
        let backup = DailyBackupJob(db: db, now: now)
        let language = resolvedLanguage()
        // A bad theme is named (file and line) in the status line, and the default theme is used.
        let loadedTheme: Theme
        var themeWarning: Message?
        switch Theme.resolve(nameOrPath: theme, searchDirectories: ThemeLocations.directories) {
        case .success(let resolved): loadedTheme = resolved
        case .failure(let error):
            loadedTheme = .builtinDefault
            themeWarning = Message(zh: error.descriptionZhHans + "；已使用默认主题", en: error.description + "; using the default theme")
        }
        let utf8 = NCursesTerminal.localeIsUTF8()

        var state = AppState(language: language, shopName: (try? db.setting(key: "shop.name")) ?? Strings.appName.text(language),
                             operatorName: me.name, now: now, timeZone: zone,
                             asciiOnly: !utf8)
        if let notice { state.status = notice }
        // run() dispatches consoleStarted, which loads the first panel's data.
        state.panel = Panel(commandLineName: panel) ?? .find
        if let themeWarning { state.status = StatusLine(themeWarning, kind: .warning) }

        TerminalGuard.install()
        let terminal: NCursesTerminal
        do {
            terminal = try NCursesTerminal.start(theme: loadedTheme, forceASCII: !utf8)
        } catch {
            backup.finish()
            throw error
        }
        defer {
            terminal.stop()
            backup.finish()
        }
        let runtime = ConsoleRuntime(db: db, operator: me.asOperator, terminal: terminal, state: state,
                                     suspend: { terminal.suspend() },
                                     pendingActions: { backup.takeNotice().map { [.notice($0)] } ?? [] },
                                     executor: BackgroundExecutor())
        runtime.run()
    }

    private func resolvedLanguage() -> Language {
        if let lang { return lang.lowercased().hasPrefix("zh") || lang.lowercased() == "cn" ? .zhHans : .en }
        return CLILanguage.current
    }
}

/// Where `--theme NAME` looks: $ADVISOR_THEMES, ~/.config/advisor/themes, ./themes, and the themes/
/// folder of the source tree the binary was built in.
enum ThemeLocations {
    static var directories: [String] {
        let env = ProcessInfo.processInfo.environment
        var dirs: [String] = []
        if let custom = env["ADVISOR_THEMES"] { dirs.append(custom) }
        let config = env["XDG_CONFIG_HOME"] ?? (NSHomeDirectory() + "/.config")
        dirs.append(config + "/advisor/themes")
        dirs.append(FileManager.default.currentDirectoryPath + "/themes")
        var exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            dirs.append(exe.appendingPathComponent("themes").path)
            exe = exe.deletingLastPathComponent()
        }
        return dirs
    }
}
