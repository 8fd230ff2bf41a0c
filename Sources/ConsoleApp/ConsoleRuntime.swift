import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import ServiceStore

/// The run loop: key → action → reduce → effects (store reads and writes) → actions → render.
/// Renders only when the state or the terminal size changed, so an idle screen never flickers.
/// Works over any `TerminalBackend`: ncurses in the console, `TestBackend` in tests and benchmarks.
/// Store work runs on an `EffectExecutor` beside the loop; its actions come back through an inbox the
/// loop empties on every turn, and a search's result is dropped when the user has typed on since.
public final class ConsoleRuntime {
    private let db: AppDatabase
    private let `operator`: Operator
    private let terminal: any TerminalBackend
    /// Stops the process for the shell (Ctrl-Z); the ncurses backend provides it.
    private let suspend: () -> Void
    /// Actions from work running beside the loop (today's backup), collected on each idle turn.
    private let pendingActions: () -> [Action]
    private let executor: any EffectExecutor
    private let inbox = EffectInbox()
    public private(set) var state: AppState
    private var lastDataVersion: Int?
    private var lastPoll = Date.distantPast
    private var lastRendered: (state: AppState, size: Size)?
    private var statusTimer = StatusTimer()

    /// How often another terminal's commits are looked for.
    private let pollInterval: TimeInterval = 0.5

    public init(db: AppDatabase, operator: Operator, terminal: any TerminalBackend, state: AppState,
                suspend: @escaping () -> Void = {}, pendingActions: @escaping () -> [Action] = { [] },
                executor: any EffectExecutor = InlineExecutor()) {
        self.db = db
        self.operator = `operator`
        self.terminal = terminal
        self.suspend = suspend
        self.pendingActions = pendingActions
        self.executor = executor
        self.state = state
        lastDataVersion = try? db.dataVersion()
    }

    public func run() {
        dispatch(.consoleStarted)
        while !state.shouldQuit { step(timeoutMilliseconds: 200) }
        // A save asked for just before quitting still reaches the store before the process ends.
        inbox.waitUntilIdle()
    }

    /// One turn of the loop: take the effects' results, draw if needed, then handle one key or a
    /// clock/data tick. While store work is out, the wait for a key is short so its result shows soon.
    public func step(timeoutMilliseconds: Int) {
        deliverResults()
        render()
        let wait = inbox.isBusy ? min(timeoutMilliseconds, Self.busyWaitMilliseconds) : timeoutMilliseconds
        if let key = terminal.readKey(timeoutMilliseconds: wait) {
            // Type-ahead meets the results it was typed after (a plate then Enter opens that plate's car)
            // when the store answers within a moment; a slow store only delays the key by that moment.
            if inbox.isBusy {
                inbox.waitUntilIdle(deadline: Date().addingTimeInterval(Self.typeAheadGraceSeconds))
                deliverResults()
            }
            if key == .resize { terminal.invalidate() }
            dispatch(.keyPressed(key))
            return
        }
        tick()
    }

    /// Draws the current state when it differs from what is on screen.
    public func render() {
        let size = terminal.size
        if let last = lastRendered, last.size == size, last.state == state { return }
        terminal.draw(ConsoleView.render(state, size: size))
        lastRendered = (state, size)
    }

    private func tick() {
        for action in pendingActions() { dispatch(action) }
        let now = Date()
        // The header clock shows minutes; tick when the minute changes.
        if Int(now.timeIntervalSince1970 / 60) != Int(state.now.timeIntervalSince1970 / 60) {
            dispatch(.clockTicked(now))
        }
        if let expired = statusTimer.expired(state, now: now) { dispatch(expired) }
        guard now.timeIntervalSince(lastPoll) >= pollInterval else { return }
        lastPoll = now
        if let version = try? db.dataVersion(), version != lastDataVersion {
            lastDataVersion = version
            dispatch(.storeChangedElsewhere)
        }
        // Re-said on every poll so the error stays until the file is back.
        if let problem = db.fileProblem(), state.status?.message != problem.message {
            dispatch(.storeFileProblem(problem.message))
        }
    }

    /// How long a turn waits for a key while store work is out.
    static let busyWaitMilliseconds = 15
    /// How long a key read while store work is out waits for that work before it is handled.
    static let typeAheadGraceSeconds: TimeInterval = 0.05

    /// True while store work handed to the executor has not come back yet (or is not yet reduced).
    public var isWaitingForStore: Bool { inbox.isBusy }

    public func dispatch(_ action: Action) {
        run(reduce(&state, action))
    }

    /// Reduces the actions the executor's work has sent back since the last turn.
    public func deliverResults() {
        run([])
    }

    /// Performs effects in order; the results that have arrived meanwhile (all of them with the inline
    /// executor) are reduced as they come, and their effects join the queue.
    private func run(_ effects: [Effect]) {
        var pending = effects
        while true {
            for next in inbox.take() { pending += reduce(&state, next) }
            guard !pending.isEmpty else { return }
            perform(pending.removeFirst())
        }
    }

    /// Terminal effects run here, on the loop; store work goes to the executor.
    private func perform(_ effect: Effect) {
        switch effect {
        case .suspend:
            suspend()
            terminal.invalidate()
            lastRendered = nil
        case .redraw:
            terminal.invalidate()
            lastRendered = nil
        default:
            let slot = Self.searchSlot(effect)
            let generation = inbox.begin(slot: slot)
            let context = self.context
            let inbox = self.inbox
            executor.submit {
                // A search the user has already typed past is not even run.
                let actions = inbox.isStale(slot: slot, generation: generation) ? [] : Self.storeWork(effect, context)
                inbox.finish(slot: slot, generation: generation, actions: actions)
            }
        }
    }

    /// The searches whose results only matter while the query is the latest one asked in their box.
    static func searchSlot(_ effect: Effect) -> String? {
        switch effect {
        case .search: "find"
        case .reception(.search(let purpose, _)): "reception.\(purpose)"
        case .audit(.load(_, beforeID: nil, _)): "audit"
        default: nil
        }
    }

    /// The store work of one effect, reported back as actions (run by the executor, off the loop).
    private static func storeWork(_ effect: Effect, _ context: EffectContext) -> [Action] {
        let db = context.db
        switch effect {
        case .search(let query):
            do {
                let hits = try db.search(query, limit: 200)
                return [.searchCompleted(query: query, results: hits)]
            } catch {
                return [.searchFailed(query: query, message(for: error, fallback: Strings.searchFailed))]
            }
        case .loadCard(let id):
            do {
                return [.cardLoaded(try db.customerCard(customerID: id))]
            } catch {
                return [.cardFailed(message(for: error, fallback: Strings.loadFailed))]
            }
        case .suspend, .redraw:
            return []
        case .reception(let request):
            return ReceptionEffects.perform(request, context)
        case .workshop(let request):
            return WorkshopEffects.perform(request, context)
        case .followUp(let request):
            return FollowUpEffects.perform(request, context)
        case .insights(let request):
            return InsightsEffects.perform(request, context)
        case .audit(let request):
            return AuditEffects.perform(request, context)
        }
    }

    private var context: EffectContext {
        EffectContext(db: db, operator: `operator`, now: Date(), timeZone: state.timeZone)
    }

    private static func message(for error: Error, fallback: Message) -> Message {
        (error as? UserFacingError)?.message ?? fallback
    }
}

/// What a feature's effects need: the store, who is at the keyboard, and the clock.
public struct EffectContext: Sendable {
    let db: AppDatabase
    let `operator`: Operator
    let now: Date
    let timeZone: TimeZone

    /// The business actions, each one store transaction that checks this operator's permission.
    var desk: ServiceDesk { ServiceDesk(db: db, operator: `operator`) }
}
