import Foundation
import Testing
import ServiceDomain
@testable import ServiceStore

struct StaffDirectoryTests {
    @Test func firstOperatorOnAnEmptyDatabaseBecomesAdmin() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let first = try db.resolveOperator(login: "wangfang", displayName: "王芳", now: Fixture.morning)
        guard case .firstRunAdmin(let admin) = first else {
            Issue.record("expected first-run admin, got \(first)")
            return
        }
        #expect(admin.login == "wangfang")
        #expect(admin.name == "王芳")
        #expect(admin.roles == [.admin])
        #expect(try db.staff(login: "wangfang")?.roles == [.admin])
        // The audit says who created the record.
        #expect(try db.auditEntries(entity: "staff", entityID: admin.id).first?.operatorName == "wangfang")

        // The next time the same login is a known staff member; anyone else is unknown.
        #expect(try db.resolveOperator(login: "wangfang", displayName: "王芳", now: Fixture.morning) == .staff(admin))
        let stranger = try db.resolveOperator(login: "zhaolei", displayName: "赵磊", now: Fixture.morning)
        #expect(stranger == .unknown(login: "zhaolei", admins: [admin]))
        #expect(stranger.staff == nil)
        #expect(try db.allStaff().count == 1, "an unknown user must not be added")
    }

    @Test func unknownUserMessageSaysWhoCanAddThem() {
        let error = UnknownOperatorError(login: "zhaolei", adminNames: ["王芳"])
        #expect(error.message.zh.contains("advisor staff add zhaolei"))
        #expect(error.message.zh.contains("王芳"))
        #expect(error.message.en.contains("advisor staff add zhaolei"))
        #expect(error.message.en.contains("Ask an admin (王芳)"))
    }

    @Test func hostileLoginNeverReachesTheMessageRaw() {
        let error = UnknownOperatorError(login: "evil\u{1B}]0;pwned\u{07}\u{1B}[2J", adminNames: ["\u{202E}王芳"])
        for text in [error.message.zh, error.message.en] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x202E })
        }
    }

    @Test func inactiveStaffAreRefused() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let admin = try #require(try db.resolveOperator(login: "boss", displayName: "", now: Fixture.morning).staff)
        #expect(admin.name == "boss", "an empty OS full name falls back to the login")
        var leaver = try db.saveStaff(Staff(login: "leaver", name: "离职员工", roles: [.advisor]),
                                      operator: admin.asOperator, now: Fixture.morning)
        #expect(try db.resolveOperator(login: "leaver", displayName: "", now: Fixture.morning) == .staff(leaver))
        leaver.isActive = false
        _ = try db.saveStaff(leaver, operator: admin.asOperator, now: Fixture.morning)
        let result = try db.resolveOperator(login: "leaver", displayName: "", now: Fixture.morning)
        #expect(result.staff == nil)
    }

    @Test func emptyLoginNeverBecomesAdmin() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let result = try db.resolveOperator(login: "\u{1B}[31m", displayName: "", now: Fixture.morning)
        #expect(result.staff == nil)
        #expect(try db.allStaff().isEmpty)
    }

    @Test func twoDesksStartingAtOnceMakeOnlyOneAdmin() async throws {
        let folder = TempFolder()
        let db1 = try Fixture.open(folder)
        let db2 = try Fixture.open(folder)
        async let a = Task.detached { try db1.resolveOperator(login: "desk1", displayName: "", now: Fixture.morning) }.value
        async let b = Task.detached { try db2.resolveOperator(login: "desk2", displayName: "", now: Fixture.morning) }.value
        let results = try await [a, b]
        let admins = results.filter { if case .firstRunAdmin = $0 { true } else { false } }
        #expect(admins.count == 1)
        #expect(try db1.allStaff().count == 1)
    }
}

struct StaffAuthorizationTests {
    @Test func rolesAreReadFreshAndInactiveStaffHaveNone() throws {
        let folder = TempFolder()
        let db = try Fixture.open(folder)
        let admin = try #require(try db.resolveOperator(login: "boss", displayName: "老板", now: Fixture.morning).staff)
        var clerk = try db.saveStaff(Staff(login: "clerk", name: "前台", roles: [.reception]), operator: admin.asOperator,
                                     now: Fixture.morning)
        try db.authorize(.checkIn, clerk.asOperator)
        let refusal = #expect(throws: PermissionError.self) { try db.authorize(.deliver, clerk.asOperator) }
        #expect(refusal?.requiredRole == .advisor)

        clerk.roles = [.reception, .advisor]
        clerk = try db.saveStaff(clerk, operator: admin.asOperator, now: Fixture.morning)
        try db.authorize(.deliver, clerk.asOperator)

        clerk.isActive = false
        _ = try db.saveStaff(clerk, operator: admin.asOperator, now: Fixture.morning)
        #expect(try db.roles(of: clerk.asOperator).isEmpty)
        #expect(throws: PermissionError.self) { try db.authorize(.checkIn, clerk.asOperator) }
        #expect(try db.roles(of: Operator(staffID: nil, name: "someone")).isEmpty)
    }
}
