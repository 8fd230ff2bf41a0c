import ConsoleApp
import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import ServiceStore

/// A shop database in a temp folder with two customers whose names start with 王.
final class TestShop {
    let folder: URL
    let db: AppDatabase
    static let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 06:05 UTC
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-app-\(UUID().uuidString)")
        db = try AppDatabase.open(path: folder.appendingPathComponent("advisor.db").path, timeZone: Self.shanghai)
        let setup = Operator(staffID: nil, name: "setup")
        for (name, phone, plate) in [("王芳", "13812345678", "粤A12345"), ("王强", "13900001111", "粤B54321")] {
            let c = try db.saveCustomer(Customer(name: name, phones: [phone]), operator: setup, now: Self.now)
            try db.saveVehicle(Vehicle(ownerID: c.id!, vin: nil, plate: plate, model: "卡罗拉"), operator: setup, now: Self.now)
        }
    }

    deinit {
        try? db.close()
        try? FileManager.default.removeItem(at: folder)
    }

    func runtime(executor: any EffectExecutor = InlineExecutor()) -> (ConsoleRuntime, TestBackend) {
        let backend = TestBackend(size: Size(width: 120, height: 40))
        let state = AppState(language: .zhHans, shopName: "测试店", operatorName: "setup", now: Self.now,
                             timeZone: Self.shanghai)
        let runtime = ConsoleRuntime(db: db, operator: Operator(staffID: nil, name: "setup"), terminal: backend,
                                     state: state, executor: executor)
        return (runtime, backend)
    }
}

/// Keeps the work it is given until the test runs it: the store as slow as the test wants, in any order
/// of arrival the test chooses, on the test's own thread.
final class ManualExecutor: EffectExecutor, @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [@Sendable () -> Void] = []

    func submit(_ work: @escaping @Sendable () -> Void) { lock.withLock { queue.append(work) } }

    var waiting: Int { lock.withLock { queue.count } }

    /// Runs the oldest piece of work; false when there was none.
    @discardableResult
    func runNext() -> Bool {
        guard let work = lock.withLock({ queue.isEmpty ? nil : queue.removeFirst() }) else { return false }
        work()
        return true
    }
}

/// A worker thread whose store is stuck until `release()`: the work starts, then waits on the gate.
final class GatedExecutor: EffectExecutor, @unchecked Sendable {
    private let gate = DispatchSemaphore(value: 0)
    private let inner = BackgroundExecutor()
    private let lock = NSLock()
    private var started = 0

    func submit(_ work: @escaping @Sendable () -> Void) {
        inner.submit { [self] in
            lock.withLock { started += 1 }
            gate.wait()
            work()
        }
    }

    var startedCount: Int { lock.withLock { started } }

    /// Lets every piece of work, waiting or to come, through.
    func release() { for _ in 0..<1000 { gate.signal() } }
}

extension ConsoleRuntime {
    /// Turns of the loop until the store work handed out has come back, or `seconds` have passed.
    func settle(within seconds: TimeInterval = 10) {
        let deadline = Date().addingTimeInterval(seconds)
        while isWaitingForStore && Date() < deadline {
            step(timeoutMilliseconds: 5)
        }
        deliverResults()
    }
}
