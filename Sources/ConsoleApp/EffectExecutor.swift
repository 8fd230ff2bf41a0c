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
    /// The lock, and the signal that a piece of work finished.
    private let condition = NSCondition()
    private var arrived: [(slot: String?, generation: Int, actions: [Action])] = []
    private var generations: [String: Int] = [:]
    private var inFlight = 0

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// A new piece of work; for a search, its slot's new generation (an older search in the slot is stale).
    func begin(slot: String?) -> Int {
        locked {
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
        return locked { generations[slot] != generation }
    }

    func finish(slot: String?, generation: Int, actions: [Action]) {
        locked {
            inFlight -= 1
            arrived.append((slot, generation, actions))
            condition.broadcast()
        }
    }

    /// The actions that arrived, oldest first, without the results of searches the user has since changed.
    func take() -> [Action] {
        locked {
            let fresh = arrived.filter { $0.slot == nil || generations[$0.slot!] == $0.generation }
            arrived.removeAll()
            return fresh.flatMap(\.actions)
        }
    }

    /// Waits until every piece of work handed over has finished, or until `deadline` (nil: however long it
    /// takes). Returns whether the work is done. The results are left for `take`.
    @discardableResult
    func waitUntilIdle(deadline: Date? = nil) -> Bool {
        locked {
            while inFlight > 0 {
                if let deadline {
                    if !condition.wait(until: deadline) { return inFlight == 0 }
                } else {
                    condition.wait()
                }
            }
            return true
        }
    }

    var isBusy: Bool { locked { inFlight > 0 || !arrived.isEmpty } }
}
