import ConsoleCore
import Foundation

/// Where the store work of effects runs. The loop hands each piece of work over and goes back to the
/// keyboard; the work's actions come back through the runtime's inbox and are reduced on the loop.
public protocol EffectExecutor: Sendable {
    /// Runs `work` (now or later, here or on another thread). Work given earlier runs earlier.
    func submit(_ work: @escaping @Sendable () -> Void)
}

/// Runs each piece of work at once, on the caller's thread: what tests and the benchmark use, so a key's
/// effects and their results are all reduced before `dispatch` returns (deterministic, as before).
public struct InlineExecutor: EffectExecutor {
    public init() {}
    public func submit(_ work: @escaping @Sendable () -> Void) { work() }
}

/// One worker thread beside the loop, taking work first come first served: a slow store (a big
/// report, a disk stall, a lock held by another terminal) delays only its own result, never typing.
/// Serial on purpose: writes reach the store in the order the keys asked for them.
public final class BackgroundExecutor: EffectExecutor {
    private let queue = DispatchQueue(label: "advisor.effects", qos: .userInitiated)
    public init() {}
    public func submit(_ work: @escaping @Sendable () -> Void) { queue.async(execute: work) }
}

/// What effects send back to the loop, and which searches are still wanted. Locked: work finishes on
/// the executor's thread, the loop takes the results on its own.
final class EffectInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var arrived: [(slot: String?, generation: Int, actions: [Action])] = []
    private var generations: [String: Int] = [:]
    private var inFlight = 0

    /// A new piece of work; for a search, its slot's new generation (an older search in the slot is stale).
    func begin(slot: String?) -> Int {
        lock.withLock {
            inFlight += 1
            guard let slot else { return 0 }
            let next = (generations[slot] ?? 0) + 1
            generations[slot] = next
            return next
        }
    }

    /// True when a newer search of the same slot was asked for since: its work need not even run.
    func isStale(slot: String?, generation: Int) -> Bool {
        guard let slot else { return false }
        return lock.withLock { generations[slot] != generation }
    }

    func finish(slot: String?, generation: Int, actions: [Action]) {
        lock.withLock {
            inFlight -= 1
            arrived.append((slot, generation, actions))
        }
    }

    /// The actions that arrived, oldest first, without the results of searches the user has since changed.
    func take() -> [Action] {
        lock.withLock {
            let fresh = arrived.filter { $0.slot == nil || generations[$0.slot!] == $0.generation }
            arrived.removeAll()
            return fresh.flatMap(\.actions)
        }
    }

    /// Blocks until every piece of work handed over has finished (its results are not reduced).
    func waitUntilIdle() {
        while lock.withLock({ inFlight > 0 }) { Thread.sleep(forTimeInterval: 0.01) }
    }

    var isBusy: Bool { lock.withLock { inFlight > 0 || !arrived.isEmpty } }
}
