import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AppDatabase {
    /// Opens an existing shop for commands that only read (`check`, `staff list`, `report`, a restore's
    /// role check). Nothing is created or written, so such a command never waits behind an import's or
    /// a terminal's write (WAL readers do not take the write lock) and never changes the file: no
    /// header rewrite, no migration. A file whose schema is behind this version is opened the usual
    /// way (upgraded first), since the read queries expect the current schema.
    public static func openReadOnly(path: String, timeZone: TimeZone = .current) throws -> AppDatabase {
        try openReadOnly(path: path, timeZone: timeZone, busyTimeout: busyTimeout)
    }

    static func openReadOnly(path: String, timeZone: TimeZone, busyTimeout: TimeInterval) throws -> AppDatabase {
        let path = (path as NSString).expandingTildeInPath
        try OpenPreflight.requireExisting(path: path)
        try OpenPreflight.verifyReadable(path: path, busyTimeout: busyTimeout)
        let lock: ShopLock?
        do {
            lock = try ShopLock.shared(database: path, timeout: busyTimeout)
        } catch ShopLockError.cannotLock {
            // Read access to the shop without write access to its folder: nothing to protect from a restore.
            lock = nil
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true, busyTimeout: busyTimeout))
            let migrator = Schema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                try? pool.close()
                throw StoreError.newerSchema(path: path)
            }
            if try !pool.read({ try migrator.hasCompletedMigrations($0) }) {
                try pool.close()
                lock?.release()
                return try open(path: path, timeZone: timeZone, busyTimeout: busyTimeout)
            }
            let versionConnection = try versionConnection(path: path, busyTimeout: busyTimeout)
            return AppDatabase(path: path, timeZone: timeZone, dbPool: pool, versionConnection: versionConnection,
                               shopLock: lock, isReadOnly: true)
        } catch {
            throw OpenPreflight.translate(error, path: path)
        }
    }
}
