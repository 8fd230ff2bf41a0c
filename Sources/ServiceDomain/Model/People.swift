import Foundation

public typealias RowID = Int64

public enum ContactPreference: String, Sendable, Codable, CaseIterable {
    case phone, sms, wechat, any
}

/// Who the customer is to the shop, as dealer systems record it (客户类型).
public enum CustomerKind: String, Sendable, Codable, CaseIterable {
    /// 个人: a private owner.
    case individual
    /// 单位: a company or public body owning the car.
    case company
    /// 车队: a fleet (rental, taxi, logistics) with many cars.
    case fleet
}

public struct Customer: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var name: String
    /// Normalized phone numbers (see `PhoneNumber`); the first is the primary one.
    public var phones: [String]
    /// Loyal customers the shop wants to spot at once. Stored, this is the shop's own mark; the card and
    /// the search give `WarrantyRules.isOutOfWarrantyOwner`, derived from the cars' warranty end dates.
    public var isOutOfWarrantyOwner: Bool
    public var isUsedCarOwner: Bool
    public var contactPreference: ContactPreference
    /// The customer's preferred time for calls, in their words ("下午3点后").
    public var preferredCallTime: String
    public var notes: String
    /// The day the customer first came to the shop (customer since), from the shop's old system; nil when unknown.
    public var customerSince: CalendarDate?
    /// nil when the shop never recorded it.
    public var kind: CustomerKind?
    /// Optimistic-lock version: a save with a stale version is refused.
    public var version: Int

    public init(id: RowID? = nil, name: String, phones: [String], isOutOfWarrantyOwner: Bool = false,
                isUsedCarOwner: Bool = false, contactPreference: ContactPreference = .phone,
                preferredCallTime: String = "", notes: String = "", customerSince: CalendarDate? = nil,
                kind: CustomerKind? = nil, version: Int = 0) {
        self.id = id
        self.name = name
        self.phones = phones
        self.isOutOfWarrantyOwner = isOutOfWarrantyOwner
        self.isUsedCarOwner = isUsedCarOwner
        self.contactPreference = contactPreference
        self.preferredCallTime = preferredCallTime
        self.notes = notes
        self.customerSince = customerSince
        self.kind = kind
        self.version = version
    }

    public var primaryPhone: String? { phones.first }
}

public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case reception, advisor, technician, workshopLead, manager, admin

    private var rank: Int { Role.allCases.firstIndex(of: self)! }
    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

public struct Staff: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    /// The OS login this staff member is mapped to (may be empty for a shared-desk person).
    public var login: String
    public var name: String
    public var roles: Set<Role>
    /// Technicians' skill level, 1 (junior) to 5 (master); 0 for others.
    public var skillLevel: Int
    public var isActive: Bool
    public var version: Int

    public init(id: RowID? = nil, login: String, name: String, roles: Set<Role>, skillLevel: Int = 0,
                isActive: Bool = true, version: Int = 0) {
        self.id = id
        self.login = login
        self.name = name
        self.roles = roles
        self.skillLevel = skillLevel
        self.isActive = isActive
        self.version = version
    }
}
