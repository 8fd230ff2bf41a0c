import Testing
@testable import ServiceDomain

struct PermissionTests {
    @Test func receptionBooksAndChecksInOnly() {
        let allowed = Authorization.permissions(of: [.reception])
        #expect(allowed == [.bookAppointment, .checkIn])
        #expect(throws: PermissionError.self) { try Authorization.require(.deliver, roles: [.reception]) }
    }

    @Test func advisorsAlsoMoveDeliverCallAndHandleComplaints() throws {
        for permission in [Permission.bookAppointment, .checkIn, .moveRepairOrder, .deliver, .callCustomer, .handleComplaint] {
            try Authorization.require(permission, roles: [.advisor])
        }
        for permission in [Permission.dispatch, .qualityCheck, .confirmComeback, .viewReports, .manageStaff] {
            #expect(!Authorization.allows(permission, roles: [.advisor]), "advisor must not \(permission)")
        }
    }

    @Test func workshopLeadsAlsoDispatchQCAndConfirmComebacks() throws {
        for permission in [Permission.dispatch, .qualityCheck, .confirmComeback, .moveRepairOrder, .recordJobProgress] {
            try Authorization.require(permission, roles: [.workshopLead])
        }
        #expect(!Authorization.allows(.overrideDeliveryGate, roles: [.workshopLead]))
        #expect(!Authorization.allows(.exportPersonalData, roles: [.workshopLead]))
    }

    @Test func managersOverrideReportExportMergeButDoNotManageStaff() throws {
        for permission in [Permission.overrideDeliveryGate, .viewReports, .exportPersonalData, .mergeCustomers, .viewAudit,
                           .dispatch, .deliver, .checkIn] {
            try Authorization.require(permission, roles: [.manager])
        }
        #expect(!Authorization.allows(.manageStaff, roles: [.manager]))
        #expect(!Authorization.allows(.changeSettings, roles: [.manager]))
    }

    @Test func adminsMayDoEverything() throws {
        for permission in Permission.allCases { try Authorization.require(permission, roles: [.admin]) }
    }

    @Test func techniciansOnlyRecordTheirWork() {
        #expect(Authorization.permissions(of: [.technician]) == [.recordJobProgress])
        #expect(!Authorization.allows(.checkIn, roles: [.technician]))
    }

    @Test func noRolesNoPermissions() {
        for permission in Permission.allCases { #expect(!Authorization.allows(permission, roles: [])) }
    }

    @Test func rolesCombine() throws {
        try Authorization.require(.recordJobProgress, roles: [.reception, .technician])
        try Authorization.require(.checkIn, roles: [.reception, .technician])
        #expect(!Authorization.allows(.deliver, roles: [.reception, .technician]))
    }

    @Test func everyPermissionIsGrantedToSomeoneBelowAdminOrIsAnAdminTask() {
        let adminOnly: Set<Permission> = [.manageStaff, .changeSettings, .restoreBackup]
        for permission in Permission.allCases {
            #expect((permission.minimumRole == .admin) == adminOnly.contains(permission), "\(permission)")
        }
    }

    @Test func refusalNamesTheActionAndTheRoleNeededInBothLanguages() {
        let error = PermissionError(permission: .overrideDeliveryGate, roles: [.advisor])
        #expect(error.requiredRole == .manager)
        #expect(error.message.zh.contains("服务经理"))
        #expect(error.message.zh.contains("越过交车检查"))
        #expect(error.message.zh.contains("您的角色：服务顾问"))
        #expect(error.message.en.contains("manager role"))
        #expect(error.message.en.contains("override delivery checks"))
        #expect(error.message.en.contains("your roles: advisor"))

        let thrown = #expect(throws: PermissionError.self) { try Authorization.require(.manageStaff, roles: []) }
        #expect(thrown?.requiredRole == .admin)
        #expect(thrown?.message.en.contains("your roles: none") == true)
        // Whom to ask is the role needed, not "a manager or an admin" for an admin-only action.
        #expect(thrown?.message.en.hasSuffix("Ask someone with the admin role.") == true)
        #expect(thrown?.message.zh.hasSuffix("请有「系统管理员」角色的同事办理。") == true)
        #expect(error.message.en.hasSuffix("Ask someone with the manager role."))
        #expect(!error.message.en.contains("Ask a manager or an admin"))
        #expect(PermissionError(permission: .qualityCheck, roles: [.advisor]).message.en.contains("workshop lead"))
        #expect(PermissionError(permission: .recordJobProgress, roles: [.reception]).requiredRole == .technician)
    }

    @Test(arguments: [("reception", Role.reception), ("lead", .workshopLead), ("workshop-lead", .workshopLead),
                      ("workshopLead", .workshopLead), ("Manager", .manager), ("技师", .technician), ("admin", .admin),
                      ("服务顾问", .advisor), ("workshop_lead", .workshopLead)])
    func rolesParseFromTheCommandLine(text: String, role: Role) {
        #expect(Role.parse(text) == role)
    }

    @Test func unknownRoleTextIsRejected() {
        #expect(Role.parse("boss") == nil)
        #expect(Role.parse("") == nil)
        #expect(Role.parse("admin; DROP TABLE staff") == nil)
    }

    @Test(arguments: ["258013", "73915046", "135792"])
    func goodPINsPass(pin: String) throws {
        try PINRule.validate(pin)
    }

    /// Four and five digits fall to an offline search of a copied file in minutes: new PINs need six.
    @Test(arguments: ["2580", "73915", "123", "123456789", "12a4", "１２３４", "0000", "1234", "9876", " 2580", "٢٥٨٠", ""])
    func badPINsAreRefusedWithAReason(pin: String) {
        let error = #expect(throws: PINRule.Refusal.self) { try PINRule.validate(pin) }
        #expect(error?.message.zh.contains("PIN") == true)
        #expect(error?.message.en.contains("PIN") == true)
    }
}
