import Foundation
import ServiceStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Who runs the process comes from the real uid and the passwd database, never from the environment.
@Suite struct OSAccountTests {
    private let passwd: [UInt32: OSAccount.PasswdEntry] = [
        0: .init(name: "root", gecos: "root"),
        1042: .init(name: "clerk", gecos: "Li Na,Front desk,,"),
        1043: .init(name: "shopadmin", gecos: ""),
    ]

    @Test func theLoginIsThePasswdEntryOfTheUid() {
        let clerk = OSAccount.resolve(uid: 1042, lookup: { passwd[$0] })
        #expect(clerk.login == "clerk")
        #expect(clerk.displayName == "Li Na")
        let admin = OSAccount.resolve(uid: 1043, lookup: { passwd[$0] })
        #expect(admin.login == "shopadmin" && admin.displayName == "shopadmin")
    }

    @Test func aUidWithoutAPasswdEntryGetsANameNoStaffRecordHolds() {
        #expect(OSAccount.resolve(uid: 7777, lookup: { passwd[$0] }).login == "uid-7777")
    }

    /// A reception clerk types `USER=shopadmin LOGNAME=shopadmin advisor …`: the process's account is still
    /// the clerk's. The real lookup is used on this process's uid with the environment set to lie.
    @Test func theEnvironmentIsIgnored() {
        let savedUser = getenv("USER").map { String(cString: $0) }
        let savedLogname = getenv("LOGNAME").map { String(cString: $0) }
        setenv("USER", "shopadmin", 1)
        setenv("LOGNAME", "shopadmin", 1)
        defer {
            if let savedUser { setenv("USER", savedUser, 1) } else { unsetenv("USER") }
            if let savedLogname { setenv("LOGNAME", savedLogname, 1) } else { unsetenv("LOGNAME") }
        }
        let expected = String(cString: getpwuid(getuid())!.pointee.pw_name)
        #expect(expected != "shopadmin")
        #expect(OSAccount.current.login == expected)
        #expect(OSAccount.current.uid == UInt32(getuid()))
        // And a fake uid with the lying environment still names the passwd entry of that uid.
        #expect(OSAccount.resolve(uid: 1042, lookup: { passwd[$0] }).login == "clerk")
    }
}
