import Foundation
import GRDB
import ServiceDomain

/// How many wrong PINs in a row lock a login, and for how long. Stored as settings (`setting` table) so a
/// shop can tighten them; absent or malformed values fall back to the defaults.
public struct PINLockPolicy: Sendable, Equatable {
    public static let failuresKey = "pin.lockout.failures"
    public static let lockSecondsKey = "pin.lockout.seconds"
    public static let standard = PINLockPolicy(failures: 5, baseLock: 60)
    /// However many locks in a row, one never lasts longer than a day.
    public static let longestLock: TimeInterval = 86_400

    public var failures: Int
    public var baseLock: TimeInterval

    public init(failures: Int, baseLock: TimeInterval) {
        self.failures = failures
        self.baseLock = baseLock
    }

    /// The n-th lock in a row (1-based) lasts twice the one before: base, 2×base, 4×base…
    public func lockDuration(lockNumber n: Int) -> TimeInterval {
        min(baseLock * pow(2, Double(min(max(0, n - 1), 20))), Self.longestLock)
    }
}

/// What one PIN attempt came to.
public enum PINAttemptOutcome: Sendable, Equatable {
    /// The PIN matched: the count of failures is back to zero.
    case accepted(Staff)
    /// Wrong PIN (or no such active login): `failuresInARow` so far; `lockedUntil` when this one locked it.
    case refused(failuresInARow: Int, lockedUntil: Date?)
    /// The login is locked: the PIN was not even tried.
    case locked(until: Date)
    /// The staff member has no PIN yet (not a guess: nothing is counted).
    case noPIN(Staff)
}

/// Told to the person at the desk while a login's PIN entry is locked.
public struct PINLockedError: UserFacingError, Equatable {
    public let login: String
    public let until: String

    public var message: Message {
        Message(zh: "\(login) 连续输错 PIN 次数过多，已锁定到 \(until)；请到时再试，或请系统管理员运行 advisor staff set-pin \(login) 设置新 PIN",
                en: "Too many wrong PINs in a row for \(login): PIN entry is locked until \(until). Try again then, "
                    + "or ask an admin to set a new PIN (advisor staff set-pin \(login))")
    }
}

extension AppDatabase {
    public func pinLockPolicy() throws -> PINLockPolicy {
        try dbPool.read { try Self.pinLockPolicy($0) }
    }

    private static func pinLockPolicy(_ db: Database) throws -> PINLockPolicy {
        func value(_ key: String) throws -> Double? {
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]).flatMap(Double.init)
        }
        var policy = PINLockPolicy.standard
        if let n = try value(PINLockPolicy.failuresKey), n >= 1, n <= 100 { policy.failures = Int(n) }
        if let s = try value(PINLockPolicy.lockSecondsKey), s >= 1, s <= PINLockPolicy.longestLock { policy.baseLock = s }
        return policy
    }

    /// Until when the login's PIN entry is locked, if it is at `now` (a read: asked before prompting).
    public func pinLockedUntil(login: String, now: Date) throws -> Date? {
        let key = Self.attemptKey(login)
        return try dbPool.read { db in
            try Double.fetchOne(db, sql: "SELECT locked_until FROM pin_attempt WHERE login = ?", arguments: [key])
                .map { Date(timeIntervalSince1970: $0) }
                .flatMap { $0 > now ? $0 : nil }
        }
    }

    /// Audits a try refused before the PIN was even asked for, because the login is locked.
    public func recordPINTryWhileLocked(login: String, by op: Operator, now: Date) throws {
        let key = Self.attemptKey(login)
        try write { db in
            let staff = try Persistence.fetchAll(Staff.self, db, where: "login = ?", arguments: [key]).first
            try Audit.append(db, operator: op, at: now, action: "pinWhileLocked", entity: Staff.table, entityID: staff?.id,
                             detail: ["login": .string(key)])
        }
    }

    /// The refusal to show while `until` holds, with the time in the shop's zone (to the second: the
    /// first locks are short).
    public func pinLockedError(login: String, until: Date) -> PINLockedError {
        let seconds = ShopTime.seconds(until, timeZone)
        return PINLockedError(login: Self.attemptKey(login), until: displayTime(until) + seconds)
    }

    /// Tries `login`'s PIN with `verify` (given the stored hash) inside one write transaction: the lock is
    /// checked, the PIN tried and the count updated atomically, so processes guessing in parallel share one
    /// count and none gets past the limit. Every failure is audited under `op` as `refusedAction`, and so
    /// is the lock it sets (`pinLocked`); an attempt while locked is audited as `pinWhileLocked`.
    public func attemptPIN(login: String, by op: Operator, refusedAction: String, now: Date,
                           verify: (String) -> Bool) throws -> PINAttemptOutcome {
        let key = Self.attemptKey(login)
        return try write { db in
            let policy = try Self.pinLockPolicy(db)
            let row = try Row.fetchOne(db, sql: "SELECT failures, locks, locked_until FROM pin_attempt WHERE login = ?",
                                       arguments: [key])
            let staff = try Persistence.fetchAll(Staff.self, db, where: "login = ?", arguments: [key]).first
                .flatMap { $0.isActive ? $0 : nil }
            if let until = (row?["locked_until"] as Double?).map(Date.init(timeIntervalSince1970:)), until > now {
                try Audit.append(db, operator: op, at: now, action: "pinWhileLocked", entity: Staff.table,
                                 entityID: staff?.id, detail: ["login": .string(key)])
                return .locked(until: until)
            }
            let hash = try staff.flatMap {
                try String.fetchOne(db, sql: "SELECT pin_hash FROM staff WHERE id = ?", arguments: [$0.id])
            }
            if let staff, hash == nil { return .noPIN(staff) }
            if let staff, let hash, verify(hash) {
                try db.execute(sql: "DELETE FROM pin_attempt WHERE login = ?", arguments: [key])
                return .accepted(staff)
            }
            var failures = (row?["failures"] as Int? ?? 0) + 1
            var locks = row?["locks"] as Int? ?? 0
            let inARow = failures
            var until: Date?
            if failures >= policy.failures {
                locks += 1
                failures = 0
                until = now.addingTimeInterval(policy.lockDuration(lockNumber: locks))
            }
            try db.execute(sql: """
                INSERT INTO pin_attempt (login, failures, locks, locked_until) VALUES (?, ?, ?, ?)
                ON CONFLICT (login) DO UPDATE SET failures = excluded.failures, locks = excluded.locks,
                    locked_until = excluded.locked_until
                """, arguments: [key, failures, locks, until?.timeIntervalSince1970])
            try Audit.append(db, operator: op, at: now, action: refusedAction, entity: Staff.table, entityID: staff?.id,
                             detail: ["login": .string(key), "failuresInARow": .int(Int64(inARow))])
            if let until {
                try Audit.append(db, operator: op, at: now, action: "pinLocked", entity: Staff.table, entityID: staff?.id,
                                 detail: ["login": .string(key), "lockedUntil": .string(displayTime(until)),
                                          "seconds": .int(Int64(until.timeIntervalSince(now)))])
            }
            return .refused(failuresInARow: inARow, lockedUntil: until)
        }
    }

    /// Sets a staff member's PIN hash and the number of digits it had (the PIN itself never reaches the
    /// store); a new PIN also lifts any lock on the login.
    public func setStaffPIN(staffID: RowID, hash: String, digits: Int, operator op: Operator, now: Date) throws {
        try write { db in
            guard let staff = try Persistence.fetch(Staff.self, db, id: staffID) else {
                throw StoreError.notFound(entity: Staff.table, id: staffID)
            }
            try db.execute(sql: "UPDATE staff SET pin_hash = ? WHERE id = ?", arguments: [hash, staffID])
            try db.execute(sql: """
                INSERT INTO staff_pin_policy (staff_id, digits) VALUES (?, ?)
                ON CONFLICT (staff_id) DO UPDATE SET digits = excluded.digits
                """, arguments: [staffID, digits])
            try db.execute(sql: "DELETE FROM pin_attempt WHERE login = ?", arguments: [Self.attemptKey(staff.login)])
            try Audit.append(db, operator: op, at: now, action: "pinSet", entity: Staff.table, entityID: staffID, detail: [:])
        }
    }

    /// The number of digits of the staff member's PIN when it was set; nil for a PIN set before the
    /// 6-digit rule (it may be 4 digits) or no PIN.
    public func staffPINDigits(staffID: RowID) throws -> Int? {
        try dbPool.read { db in
            try Int.fetchOne(db, sql: "SELECT digits FROM staff_pin_policy WHERE staff_id = ?", arguments: [staffID])
        }
    }

    private static func attemptKey(_ login: String) -> String { String(FreeText.sanitize(login).prefix(64)) }
}
