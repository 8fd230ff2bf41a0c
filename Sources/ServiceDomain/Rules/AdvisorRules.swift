import Foundation

/// Every order has its service advisor: the person the customer deals with, whose figures (FTFR, follow-up)
/// the order counts in.
public enum AdvisorRules {
    /// The advisor rung or any rung above it on the ladder (a lead, manager or admin can own an order too:
    /// a new shop's first login is an admin who checks cars in).
    public static func isAdvisor(_ staff: Staff) -> Bool {
        staff.isActive && !staff.roles.isDisjoint(with: advisorRoles)
    }

    public static let advisorRoles: Set<Role> = [.advisor, .workshopLead, .manager, .admin]

    /// The advisor a new order gets when nobody chose one: the operator when they are an advisor, else the
    /// appointment's advisor (who booked it), else the customer's usual advisor (their last visit's), else
    /// none (the desk must choose). Only someone still among `advisors` is chosen.
    public static func defaultAdvisor(operatorID: RowID?, appointmentAdvisorID: RowID? = nil, usualAdvisorID: RowID?,
                                      advisors: [StaffChoice]) -> RowID? {
        if let id = operatorID, advisors.contains(where: { $0.id == id }) { return id }
        if let id = appointmentAdvisorID, advisors.contains(where: { $0.id == id }) { return id }
        if let id = usualAdvisorID, advisors.contains(where: { $0.id == id }) { return id }
        return nil
    }

    public static func checkAdvisor(_ staff: Staff) throws {
        guard isAdvisor(staff) else {
            throw ValidationError(field: .other, message: Message(
                zh: "\(staff.name) 不是在岗服务顾问，不能负责工单",
                en: "\(staff.name) is not an active service advisor and cannot own the order"))
        }
    }

    public static let advisorRequired = ValidationError(field: .other, message: Message(
        zh: "请选择服务顾问（接车人不是服务顾问）", en: "Choose the service advisor (the person checking in is not one)"))
}
