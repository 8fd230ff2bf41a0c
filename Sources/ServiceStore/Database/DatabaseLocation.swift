import Foundation
import ServiceDomain

/// Where the shop's database is, as typed (`--db`, `$ADVISOR_DB`): a file path. A URL such as
/// `postgres://host/shop` would otherwise be taken as a relative path and create a folder `postgres:`.
public enum DatabaseLocation {
    /// The only kind this build opens: SQLite files on this computer.
    public static let openableSchemes = ["file"]

    public struct UnsupportedURL: UserFacingError, Equatable {
        public let text: String
        public let scheme: String

        public var message: Message {
            Message(zh: "--db 需要数据库文件的路径（如 /srv/advisor/shop.db）。“\(text)” 是 \(scheme):// 网址，本版本只能打开本机上的 SQLite 文件（文件路径或 file:// 网址）。未创建任何文件。",
                    en: "--db takes the path of a database file (such as /srv/advisor/shop.db). \"\(text)\" is a \(scheme):// URL; "
                        + "this build opens only SQLite files on this computer (a file path, or a file:// URL). Nothing was created.")
        }
    }

    /// The file path `text` names: a plain path as is, `file:///…` as its path; any other `scheme://`
    /// is refused before anything is created.
    public static func path(from text: String) throws -> String {
        guard let range = text.range(of: "://") else { return text }
        let scheme = String(text[..<range.lowerBound])
        let isScheme = !scheme.isEmpty && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        guard isScheme else { return text }
        if scheme.lowercased() == "file", let url = URL(string: text), url.isFileURL, !url.path.isEmpty {
            return url.path
        }
        throw UnsupportedURL(text: FreeText.sanitize(text), scheme: FreeText.sanitize(scheme))
    }
}

extension AppDatabase {
    /// `error` as the sentence a person can act on, for errors that reach a command's top level without
    /// passing through a store call (GRDB's "disk I/O error" on a full disk, for one).
    public static func userFacing(_ error: any Error, path: String) -> any Error {
        OpenPreflight.translate(error, path: path)
    }
}
