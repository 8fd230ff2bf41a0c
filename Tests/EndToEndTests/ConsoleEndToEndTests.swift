import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// The real binary in a real terminal. Serialized: each test runs its own tmux server, and the
/// machine has two cores.
@Suite(.serialized) struct ConsoleEndToEndTests {
    /// A vehicle of the demo shop to look for, read straight from its database.
    private func someDemoVehicle(_ session: TmuxSession) throws -> (plate: String, owner: String) {
        let db = try AppDatabase.open(path: session.dbPath)
        let hits = try db.search("粤A", limit: 5)
        let hit = try #require(hits.first { !$0.vehicles.isEmpty })
        return (hit.vehicles[0].plate, hit.name)
    }

    @Test func searchByPlateOpenTheCardAndSwitchLanguage() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let car = try someDemoVehicle(session)
        try session.startShell()
        try session.startConsole(arguments: "--lang zh-Hans")
        try session.waitFor("查找：")

        // Lower case, no dot: 粤a + the rest of the plate finds 粤A·xxxxx.
        let fragment = "粤a" + car.plate.dropFirst(2).prefix(3)
        try session.sendLiteral(fragment)
        let shown = Plate.display(car.plate)
        try session.waitFor(shown)
        let screen = try session.capture()
        #expect(screen.contains("条结果"))
        // Phones are masked in the list.
        #expect(screen.range(of: #"1[3-9]\d\*\*\*\*\d{4}"#, options: .regularExpression) != nil)

        // Move to the row of our car and open the card.
        let rows = screen.split(separator: "\n")
        let resultRows = rows.filter { $0.contains("****") }
        let index = try #require(resultRows.firstIndex { $0.contains(shown) })
        for _ in 0..<index { try session.sendKeys("Down") }
        try session.sendKeys("Enter")
        let card = try session.waitFor("客户卡")
        #expect(card.contains(car.owner))
        #expect(card.contains("车辆"))

        // Switch to English and back out of the card.
        try session.sendKeys("F12")
        try session.waitFor("Customer card")
        try session.sendKeys("Escape")
        try session.waitFor("Find: ")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test func resizeRedrawsAndSaysWhenTooSmall() throws {
        let session = try TmuxSession(width: 120, height: 40)
        try session.makeDemoShop()
        try session.startShell()
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")
        try session.resize(width: 80, height: 24)
        try session.waitUntil(description: "an 80-column frame") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.contains { $0.hasPrefix("┌─ Find") && $0.hasSuffix("┐") && $0.count == 80 }
        }
        try session.resize(width: 70, height: 20)
        try session.waitFor("Terminal too small (needs 80x24)")
        try session.resize(width: 120, height: 40)
        try session.waitUntil(description: "a 120-column frame") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("┌─ Find") && $0.count == 120 }
        }
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test(arguments: ["SEGV", "TERM", "HUP"])
    func aKilledConsoleLeavesTheTerminalUsable(signal: String) throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        try session.startShell()
        try session.startConsole()
        try session.waitFor("F2")
        let pid = try session.consolePID()
        _ = try TmuxSession.run("/bin/kill", ["-\(signal)", "\(pid)"])
        // Wait for the process (and the crash report it prints) to be gone before typing again.
        let deadline = Date().addingTimeInterval(20)
        while FileManager.default.fileExists(atPath: "/proc/\(pid)"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "the console did not exit after SIG\(signal)")
        try session.shell("echo exit-status-$?")
        let statusScreen = try session.waitFor("exit-status-1")
        #expect(statusScreen.contains("exit-status-\(128 + Self.signalNumbers[signal]!)"),
                "the exit status should say SIG\(signal):\n\(statusScreen)")
        let sttyFile = session.workDir.appendingPathComponent("stty.txt").path
        try session.shell("stty -a > '\(sttyFile)'; echo status-was-$?")
        try session.waitFor("status-was-0")
        let stty = try String(contentsOfFile: sttyFile, encoding: .utf8)
        let flags = stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
        #expect(flags.contains("echo"), "echo is off after SIG\(signal):\n\(stty)")
        #expect(flags.contains("icanon"), "icanon is off after SIG\(signal):\n\(stty)")
    }

    static let signalNumbers = ["SEGV": 11, "TERM": 15, "HUP": 1]

    @Test func anotherTerminalsChangeShowsUpWithoutAKeypress() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        try session.startShell()
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")
        try session.sendLiteral("诸葛")
        try session.waitFor("No matching customer")

        // A second process writes a new customer with that surname.
        let csv = session.workDir.appendingPathComponent("new.csv")
        try "name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,warranty_end_km,notes\n诸葛明,13511112222,no,no,粤A9Z9Z9,,朗逸,,,,\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let imported = try TmuxSession.run(TmuxSession.advisorPath, ["import", "--db", session.dbPath, csv.path],
                                           environment: session.consoleEnvironment)
        #expect(imported.status == 0, "\(imported.out)")
        try session.waitFor("诸葛明", timeout: 3)
        try session.sendKeys("C-q")
    }

    @Test func aNonUTF8LocaleGetsASCIIBordersAndAWarning() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        try session.startShell()
        try session.shell("export LANG=C LC_ALL=C")
        try session.startConsole(arguments: "--lang en")
        let screen = try session.waitFor("locale is not UTF-8")
        #expect(screen.contains("+- Find"), "ASCII borders expected:\n\(screen)")
        #expect(!screen.contains("┌"))
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test func aBadThemeFileIsNamedWithItsLineAndTheDefaultIsUsed() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let theme = session.workDir.appendingPathComponent("mine.theme")
        try "# my colours\nnormal fg=default bg=default\nselection fg=pruple\n".write(to: theme, atomically: true, encoding: .utf8)
        try session.startShell()
        try session.startConsole(arguments: "--lang en --theme '\(theme.path)'")
        let screen = try session.waitFor("mine.theme:3")
        #expect(screen.contains("Find: "))
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test func opensOnThePanelNamedOnTheCommandLine() throws {
        let session = try TmuxSession(width: 120, height: 40)
        try session.makeDemoShop()
        try session.startShell()
        try session.startConsole(arguments: "--lang en --panel board")
        // The board's filter line: only the waiting board draws it.
        let board = try session.waitFor("all advisors")
        #expect(!board.contains("Find: "))
        try session.sendKeys("C-q")
        try session.waitFor("$ ")

        var env = session.consoleEnvironment
        env["LANG"] = "C.UTF-8"
        let wrong = try TmuxSession.run(TmuxSession.advisorPath, ["--db", session.dbPath, "--panel", "bord"], environment: env)
        #expect(wrong.status != 0)
        #expect(wrong.out.contains("--panel takes find, reception, appointments, board, delivery, followup, comebacks, reports"),
                "\(wrong.out)")
    }

    @Test func refusesToDrawWhenNotATerminal() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-notty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        let r = try TmuxSession.run(TmuxSession.advisorPath, ["--db", dir.appendingPathComponent("x.db").path], environment: env)
        #expect(r.status == 2)
        #expect(r.out.contains("needs a terminal"))
        #expect(!r.out.contains("\u{1B}["))
    }

    @Test func demoAndCheckSucceed() throws {
        let session = try TmuxSession()
        try session.makeDemoShop()
        let r = try TmuxSession.run(TmuxSession.advisorPath, ["check", "--db", session.dbPath], environment: session.consoleEnvironment)
        #expect(r.status == 0, "\(r.out)")
        let again = try TmuxSession.run(TmuxSession.advisorPath, ["demo", "--db", session.dbPath], environment: session.consoleEnvironment)
        #expect(again.status != 0, "demo must refuse a database that holds data")
    }
}
