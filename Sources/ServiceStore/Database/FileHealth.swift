import Foundation
import GRDB
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AppDatabase {
    /// nil while the file at `path` is still the file this program has open; `.fileGone` once it was
    /// deleted, moved or replaced. SQLite keeps writing into an unlinked file without complaint, so
    /// the console polls this (with `dataVersion`) and shows the message until the user quits.
    public func fileProblem() -> StoreError? {
        if access(path, F_OK) != 0 { return .fileGone(path: path) }
        // SQLite's own check compares the open file's inode with the path's (and its link count).
        // The writer connection is used because it is the one that opened the file first and stays open.
        let moved = dbPool.writeWithoutTransaction { db -> Bool in
            guard let connection = db.sqliteConnection else { return false }
            var flag: Int32 = 0
            let rc = sqlite3_file_control(connection, "main", SQLITE_FCNTL_HAS_MOVED, &flag)
            return rc == SQLITE_OK && flag != 0
        }
        return moved == true ? .fileGone(path: path) : nil
    }

    /// The error a write threw, as the message a user can act on: disk full, read-only, file gone,
    /// locked, I/O error. Errors that are already user-facing pass through unchanged.
    public func userFacing(_ error: any Error) -> any Error {
        OpenPreflight.translate(error, path: path)
    }
}
