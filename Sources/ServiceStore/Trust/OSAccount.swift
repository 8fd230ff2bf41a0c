import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The OS account a process runs as. Identity comes from the real user id and the passwd database only:
/// `$USER` and `$LOGNAME` are set by whoever starts the process, so `USER=shopadmin advisor …` must not make
/// anyone the shop's admin.
public struct OSAccount: Sendable, Equatable {
    public let uid: UInt32
    public let login: String
    /// The first field of GECOS (the person's full name), empty when the OS has none.
    public let fullName: String

    public init(uid: UInt32, login: String, fullName: String) {
        self.uid = uid
        self.login = login
        self.fullName = fullName
    }

    /// The name to show and to seed a first admin with: the full name when the OS has one, else the login.
    public var displayName: String { fullName.isEmpty ? login : fullName }

    /// A passwd entry as the lookup returns it (the raw GECOS field, comma-separated).
    public struct PasswdEntry: Sendable, Equatable {
        public let name: String
        public let gecos: String
        public init(name: String, gecos: String) {
            self.name = name
            self.gecos = gecos
        }
    }

    /// The account of `uid` as `lookup` (the passwd database) knows it. A uid with no passwd entry is
    /// named `uid-N`, which no staff record can hold by accident of a typed variable.
    public static func resolve(uid: UInt32, lookup: (UInt32) -> PasswdEntry?) -> OSAccount {
        guard let entry = lookup(uid), !entry.name.isEmpty else {
            return OSAccount(uid: uid, login: "uid-\(uid)", fullName: "")
        }
        let fullName = entry.gecos.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return OSAccount(uid: uid, login: entry.name, fullName: fullName)
    }

    /// The passwd database of this machine (`getpwuid_r`).
    public static func systemLookup(_ uid: UInt32) -> PasswdEntry? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(uid_t(uid), &entry, &buffer, buffer.count, &result) == 0, result != nil,
              let name = entry.pw_name else { return nil }
        return PasswdEntry(name: String(cString: name), gecos: entry.pw_gecos.map { String(cString: $0) } ?? "")
    }

    /// The account of this process's real user id (not the effective one: a set-uid copy of the binary
    /// still acts for the person who ran it).
    public static var current: OSAccount { resolve(uid: UInt32(getuid()), lookup: systemLookup) }
}
