import ConsoleApp
import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import ServiceStore
import ShopFixtures

/// The waiting board, the follow-up queue and the month's reports through the real run loop over
/// `TestBackend` (120x40), each against the `sqlite3` tool running the SQL the store runs (the store
/// exposes it: `WaitingBoardSQL`, `CallbackRowsSQL`, `KPIReportSQL`, so the baseline cannot drift).
struct PanelBench {
    let context: BenchContext

    var repetitions: Int { max(10, context.repetitions) }

    /// A console opened on `panel` as `advisor --panel` opens it: `consoleStarted` (which loads the
    /// panel's data and the follow-up snapshot behind the header's counts), then the first frame.
    func startConsole(on panel: Panel, login: String) throws -> (ConsoleRuntime, TestBackend) {
        let staff = try context.db.staff(login: login)
        let backend = TestBackend(size: Size(width: 120, height: 40))
        var state = AppState(language: .zhHans, shopName: DemoShop.shopName, operatorName: staff?.name ?? "bench",
                             now: context.now, timeZone: context.timeZone)
        state.panel = panel
        let runtime = ConsoleRuntime(db: context.db, operator: Operator(staffID: staff?.id, name: staff?.name ?? "bench"),
                                     terminal: backend, state: state)
        runtime.dispatch(.consoleStarted)
        runtime.render()
        return (runtime, backend)
    }

    /// Another terminal committed: the loop's poll dispatches `storeChangedElsewhere`, everything loaded
    /// reloads, and the frame is drawn. The header clock moves a minute first (untimed), so each refresh
    /// really draws a new frame, as it would after a change.
    func refresh(_ runtime: ConsoleRuntime, minute: Int) -> Double {
        runtime.dispatch(.clockTicked(context.now.addingTimeInterval(Double(minute) * 60)))
        return Clock.milliseconds {
            runtime.dispatch(.storeChangedElsewhere)
            runtime.render()
        }
    }

    /// One key, read by the loop, to the finished frame.
    func press(_ key: Key, _ runtime: ConsoleRuntime, _ backend: TestBackend) -> Double {
        backend.enqueue(key)
        return Clock.milliseconds {
            runtime.step(timeoutMilliseconds: 0)
            runtime.render()
        }
    }

    // MARK: Waiting board

    func waitingBoard() throws -> [ResultRow] {
        let (runtime, backend) = try startConsole(on: .waitingBoard, login: "sa1")
        let page = try require(runtime.state.workshop.board.page, "the board did not load")
        try requireScreen(backend, shows: WorkshopStrings.counts(total: page.total, missed: page.missed, atRisk: page.atRisk),
                          runtime.state)
        var refreshes: [Double] = []
        for i in 0..<repetitions { refreshes.append(refresh(runtime, minute: i + 1)) }

        // The board's own reload (r: the default filter and sort again), and the store call alone.
        var reloads: [Double] = []
        for i in 0..<repetitions {
            runtime.dispatch(.clockTicked(context.now.addingTimeInterval(Double(repetitions + i + 1) * 60)))
            reloads.append(press(.character("r"), runtime, backend))
        }
        let board = runtime.state.workshop.board
        let now = Date()
        let offset = max(0, board.selected - WorkshopState.window / 3)
        var store: [Double] = []
        var shown: BoardPage?
        for _ in 0..<repetitions {
            store.append(try Clock.milliseconds {
                shown = try context.db.waitingBoard(filter: board.filter, sort: board.sort, now: now, offset: offset,
                                                    limit: WorkshopState.window)
            })
        }
        var boardSQL = [
            WaitingBoardSQL.page(filter: board.filter, sort: board.sort, now: now, offset: offset, limit: WorkshopState.window),
            WaitingBoardSQL.count(filter: board.filter, now: now),
        ]
        let historyNeeded = (shown?.rows ?? []).filter { WaitingBoardSQL.needsHistory($0.stage) }.map(\.id)
        if !historyNeeded.isEmpty { boardSQL += [WaitingBoardSQL.history(historyNeeded), WaitingBoardSQL.checks(historyNeeded)] }
        let baseline = try sqliteRows(boardSQL)
        let withQueue = try sqliteRows(boardSQL + Self.queueSQL)
        let r = Samples(values: refreshes), b = Samples(values: reloads), s = Samples(values: store)
        let what = "\(page.total) open ROs, a window of \(WorkshopState.window)"
        return [
            ResultRow(name: "board: another terminal's change → frame", unit: "ms", samples: r, baseline: withQueue,
                      target: "<50", met: r.median < 50,
                      note: "\(what); storeChangedElsewhere reloads the board and the follow-up snapshot behind the header's "
                          + "counts (loaded at start-up), then draws; baseline: the board's and the queue's SQL"),
            ResultRow(name: "board: reload (r) → frame", unit: "ms", samples: b, baseline: baseline,
                      target: "<50", met: b.median < 50, note: "the board's page and counts, then the frame"),
            ResultRow(name: "board: db.waitingBoard", unit: "ms", samples: s, baseline: baseline,
                      target: "within 2x of sqlite3", met: baseline.map { s.median <= 2 * $0.median },
                      note: "the page, the counts, and the stage history and QC of the \(historyNeeded.count) orders in QC, "
                          + "on hold or in progress"),
        ]
    }

    // MARK: Follow-up queue

    func followUpQueue() throws -> [ResultRow] {
        let (runtime, backend) = try startConsole(on: .find, login: "sa1")
        let queued = runtime.state.followUp.queue.count
        guard queued > 0 else { throw BenchError("the follow-up queue is empty: the dataset has no due callbacks") }
        // Enter the panel (F7 loads the queue, the unreachable tasks and the complaints), then back to Find.
        var enters: [Double] = []
        for _ in 0..<repetitions {
            enters.append(press(.function(Panel.followUp.functionKey), runtime, backend))
            _ = press(.function(Panel.find.functionKey), runtime, backend)
        }
        _ = press(.function(Panel.followUp.functionKey), runtime, backend)
        try requireScreen(backend, contains: "\(runtime.state.text(FollowUpStrings.tabCallbacks)) \(queued)]")
        var refreshes: [Double] = []
        for i in 0..<repetitions { refreshes.append(refresh(runtime, minute: i + 1)) }
        let now = Date()
        var store: [Double] = []
        for _ in 0..<repetitions {
            store.append(try Clock.milliseconds { _ = try context.db.callbackQueue(now: now) })
        }
        let baseline = try sqliteRows(Self.queueSQL)
        let e = Samples(values: enters), r = Samples(values: refreshes), s = Samples(values: store)
        return [
            ResultRow(name: "follow-up: enter the panel → frame", unit: "ms", samples: e, baseline: baseline,
                      target: "<50", met: e.median < 50,
                      note: "\(queued) due callbacks; the queue, the unreachable tasks, the complaints and the settings"),
            ResultRow(name: "follow-up: another terminal's change → frame", unit: "ms", samples: r, baseline: baseline,
                      target: "<50", met: r.median < 50),
            ResultRow(name: "follow-up: db.callbackQueue", unit: "ms", samples: s, baseline: baseline,
                      target: "within 2x of sqlite3", met: baseline.map { s.median <= 2 * $0.median },
                      note: "baseline: the queue's SQL (CallbackRowsSQL: the callbacks, their orders, their jobs)"),
        ]
    }

    /// What `callbackQueue` runs.
    static var queueSQL: [String] {
        let filter = CallbackRowsSQL.openQueue
        return [CallbackRowsSQL.callbacks(filter), CallbackRowsSQL.orders(filter), CallbackRowsSQL.jobs(filter)]
    }

    // MARK: Comebacks

    /// The comebacks panel (F8) as a workshop lead opens it: the candidates and recent decisions, each
    /// with the vehicle's 三包 counters and its technicians' first-time-fix rate in that month.
    func comebacks() throws -> [ResultRow] {
        let (runtime, backend) = try startConsole(on: .find, login: "mgr1")
        var enters: [Double] = []
        for _ in 0..<repetitions {
            enters.append(press(.function(Panel.comebacks.functionKey), runtime, backend))
            _ = press(.function(Panel.find.functionKey), runtime, backend)
        }
        _ = press(.function(Panel.comebacks.functionKey), runtime, backend)
        let listed = try require(runtime.state.insights.comebacks, "the comebacks panel did not load: "
            + (runtime.state.status?.message.en ?? "")).count
        var store: [Double] = []
        for _ in 0..<repetitions {
            store.append(try Clock.milliseconds {
                _ = try context.db.comebackListings(now: context.now, timeZone: context.timeZone)
            })
        }
        // Moving down the list reads each newly selected listing's technician rates (one month, their visits).
        var moves: [Double] = []
        for _ in 0..<min(repetitions, max(0, listed - 1)) { moves.append(press(.down, runtime, backend)) }
        let e = Samples(values: enters), s = Samples(values: store), m = Samples(values: moves)
        return [
            ResultRow(name: "comebacks: enter the panel → frame", unit: "ms", samples: e, target: "<300",
                      met: e.median < 300, note: "\(listed) comebacks listed"),
            ResultRow(name: "comebacks: selection down (rates read) → frame", unit: "ms", samples: m, target: "<50",
                      met: m.median < 50),
            ResultRow(name: "comebacks: db.comebackListings", unit: "ms", samples: s, target: "<300",
                      met: s.median < 300, note: "no single-statement sqlite3 equivalent: several reads per listing"),
        ]
    }

    // MARK: Reports

    func monthReports() throws -> [ResultRow] {
        let zone = context.timeZone
        let lastMonth = ReportPeriod.containing(context.now, kind: .month, timeZone: zone).shifted(by: -1, timeZone: zone)
        var store: [Double] = []
        var report: KPIReport?
        for _ in 0..<repetitions {
            store.append(try Clock.milliseconds { report = try context.db.kpiReport(period: lastMonth, timeZone: zone) })
        }
        let visits = report?.ftfr.overall.visits ?? 0
        // The reports panel (F9) as a manager opens it: this month's report, then the frame.
        let (runtime, backend) = try startConsole(on: .find, login: "mgr1")
        var enters: [Double] = []
        for _ in 0..<repetitions {
            enters.append(press(.function(Panel.reports.functionKey), runtime, backend))
            _ = press(.function(Panel.find.functionKey), runtime, backend)
        }
        _ = press(.function(Panel.reports.functionKey), runtime, backend)
        _ = try require(runtime.state.insights.report, "the reports panel did not load its report: \(runtime.state.status?.message.en ?? "")")
        let baseline = try sqliteRows(KPIReportSQL.statements(period: lastMonth, timeZone: zone).map {
            SQLiteTool.bind($0.sql, [$0.start, $0.end])
        })
        let s = Samples(values: store), e = Samples(values: enters)
        return [
            ResultRow(name: "reports: db.kpiReport, last month", unit: "ms", samples: s, baseline: baseline,
                      target: "<300", met: s.median < 300 && (baseline.map { s.median <= 2 * $0.median } ?? true),
                      note: "\(lastMonth.label(timeZone: zone)): \(visits) repair visits; FTFR by technician, advisor and "
                          + "category, the 6-month trend, callbacks, scores, timing; baseline: all of KPIReportSQL"),
            ResultRow(name: "reports: enter the panel → frame", unit: "ms", samples: e, target: "<300", met: e.median < 300,
                      note: "this month so far, with the targets and staff names"),
        ]
    }

    // MARK: Helpers

    /// The statements' time in `sqlite3`, every row read (see `SQLiteTool.timeRows`), added up.
    func sqliteRows(_ statements: [String]) throws -> Samples? {
        guard let tool = context.sqlite else { return nil }
        var total = [Double](repeating: 0, count: 5)
        for sql in statements {
            let times = try tool.timeRows(database: context.dbPath, query: sql, repetitions: total.count).values
            for i in total.indices { total[i] += times[i] }
        }
        return Samples(values: total)
    }

    func require<T>(_ value: T?, _ message: String) throws -> T {
        guard let value else { throw BenchError(message) }
        return value
    }

    func requireScreen(_ backend: TestBackend, shows message: Message, _ state: AppState) throws {
        try requireScreen(backend, contains: state.text(message))
    }

    func requireScreen(_ backend: TestBackend, contains text: String) throws {
        let screen = backend.screenText.joined(separator: "\n")
        guard screen.contains(text) else {
            throw BenchError("the frame does not show \"\(text)\":\n\(screen)")
        }
    }
}

extension SQLiteTool {
    /// Like `time`, but every row of `sql` is produced and written (to /dev/null), so no column can be
    /// optimized away: `SELECT * FROM (q) UNION ALL …` `copies` times in one timed statement.
    func timeRows(database: String, query sql: String, repetitions: Int, copies: Int = 20) throws -> Samples {
        try time(database: database, query: sql, repetitions: repetitions, copies: copies, everyRow: true)
    }

    /// `sql` with each `?` replaced by a date literal in the store's format (UTC `yyyy-MM-dd HH:mm:ss.SSS`).
    static func bind(_ sql: String, _ dates: [Date]) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        var remaining = dates[...]
        var result = ""
        for ch in sql {
            if ch == "?", let date = remaining.popFirst() { result += quote(format.string(from: date)) } else { result.append(ch) }
        }
        return result
    }
}
