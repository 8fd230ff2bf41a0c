import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

/// The PIN lock in the store: the hash check is a closure here (yescrypt lives in the binary), so these tests
/// only decide right or wrong; the clock is the `now` passed in.
struct PINAttemptTests {
    private let desk = Operator(staffID: nil, name: "desk")

    private func shopWithLina(_ folder: TempFolder) throws -> (AppDatabase, Staff) {
        let db = try Fixture.open(folder)
        let lina = try db.saveStaff(Staff(login: "lina", name: "李娜", roles: [.advisor]), operator: desk, now: Fixture.morning)
        try db.setStaffPIN(staffID: lina.id!, hash: "$y$right", digits: 6, operator: desk, now: Fixture.morning)
        return (db, lina)
    }

    private func attempt(_ db: AppDatabase, right: Bool, at now: Date, login: String = "lina") throws -> PINAttemptOutcome {
        try db.attemptPIN(login: login, by: desk, refusedAction: "pinRefused", now: now) { _ in right }
    }

    @Test func fiveFailuresLockForAGrowingTimeAndASuccessResets() throws {
        let folder = TempFolder()
        let (db, lina) = try shopWithLina(folder)
        var now = Fixture.morning
        for n in 1...4 { #expect(try attempt(db, right: false, at: now) == .refused(failuresInARow: n, lockedUntil: nil)) }
        let firstLock = now.addingTimeInterval(60)
        #expect(try attempt(db, right: false, at: now) == .refused(failuresInARow: 5, lockedUntil: firstLock))
        // Locked: even the right PIN is not tried.
        #expect(try attempt(db, right: true, at: now.addingTimeInterval(59)) == .locked(until: firstLock))
        #expect(try db.pinLockedUntil(login: "lina", now: now) == firstLock)
        #expect(try db.pinLockedUntil(login: "lina", now: firstLock) == nil)

        // After the lock, five more wrong PINs lock twice as long.
        now = firstLock
        for _ in 1...4 { _ = try attempt(db, right: false, at: now) }
        #expect(try attempt(db, right: false, at: now) == .refused(failuresInARow: 5, lockedUntil: now.addingTimeInterval(120)))

        // The right PIN once the lock is over resets both the count and the growth.
        now = now.addingTimeInterval(120)
        #expect(try attempt(db, right: true, at: now) == .accepted(lina))
        for _ in 1...4 { _ = try attempt(db, right: false, at: now) }
        #expect(try attempt(db, right: false, at: now) == .refused(failuresInARow: 5, lockedUntil: now.addingTimeInterval(60)))

        let trail = try db.auditEntries(entity: "staff", entityID: lina.id).map(\.action)
        #expect(trail.filter { $0 == "pinRefused" }.count == 15)
        #expect(trail.filter { $0 == "pinLocked" }.count == 3)
        #expect(trail.filter { $0 == "pinWhileLocked" }.count == 1)
    }

    @Test func theThresholdAndLockTimeAreSettings() throws {
        let folder = TempFolder()
        let (db, _) = try shopWithLina(folder)
        try db.setSetting(key: PINLockPolicy.failuresKey, value: "3", operator: desk, now: Fixture.morning)
        try db.setSetting(key: PINLockPolicy.lockSecondsKey, value: "900", operator: desk, now: Fixture.morning)
        #expect(try db.pinLockPolicy() == PINLockPolicy(failures: 3, baseLock: 900))
        let now = Fixture.morning
        _ = try attempt(db, right: false, at: now)
        _ = try attempt(db, right: false, at: now)
        #expect(try attempt(db, right: false, at: now) == .refused(failuresInARow: 3, lockedUntil: now.addingTimeInterval(900)))
        // Nonsense in the setting falls back to the standard policy rather than disabling the lock.
        try db.setSetting(key: PINLockPolicy.failuresKey, value: "0", operator: desk, now: now)
        try db.setSetting(key: PINLockPolicy.lockSecondsKey, value: "soon", operator: desk, now: now)
        #expect(try db.pinLockPolicy() == .standard)
    }

    @Test func guessesAtALoginNotOnTheListAreCountedToo() throws {
        let folder = TempFolder()
        let (db, _) = try shopWithLina(folder)
        for n in 1...4 { #expect(try attempt(db, right: true, at: Fixture.morning, login: "ghost") == .refused(failuresInARow: n, lockedUntil: nil)) }
        #expect(try attempt(db, right: true, at: Fixture.morning, login: "ghost")
            == .refused(failuresInARow: 5, lockedUntil: Fixture.morning.addingTimeInterval(60)))
    }

    @Test func aNewPINLiftsTheLockAndTheMessageSaysUntilWhen() throws {
        let folder = TempFolder()
        let (db, lina) = try shopWithLina(folder)
        for _ in 1...5 { _ = try attempt(db, right: false, at: Fixture.morning) }
        let until = try #require(try db.pinLockedUntil(login: "lina", now: Fixture.morning))
        // 09:01:00 in the shop's zone (Shanghai).
        #expect(db.pinLockedError(login: "lina", until: until).message.en.contains("locked until 2026-11-22 09:01:00"))
        #expect(db.pinLockedError(login: "lina", until: until).message.zh.contains("已锁定到 2026-11-22 09:01:00"))
        try db.setStaffPIN(staffID: lina.id!, hash: "$y$new", digits: 6, operator: desk, now: Fixture.morning)
        #expect(try db.pinLockedUntil(login: "lina", now: Fixture.morning) == nil)
        #expect(try db.staffPINDigits(staffID: lina.id!) == 6)
    }

    @Test func lockDurationsDoubleUpToADay() {
        let policy = PINLockPolicy.standard
        #expect((1...4).map { policy.lockDuration(lockNumber: $0) } == [60, 120, 240, 480])
        #expect(policy.lockDuration(lockNumber: 40) == PINLockPolicy.longestLock)
    }
}
