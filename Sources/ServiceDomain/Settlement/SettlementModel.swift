import Foundation

/// Who pays for a work line (its labour and its parts). The statement separates what the customer pays.
public enum PaymentBasis: String, Sendable, Codable, CaseIterable {
    case customer, warranty, insurance, goodwill

    public var label: Message {
        switch self {
        case .customer: Message(zh: "客户付费", en: "Customer")
        case .warranty: Message(zh: "保修（厂家）", en: "Warranty")
        case .insurance: Message(zh: "保险理赔", en: "Insurance")
        case .goodwill: Message(zh: "善意（店内）", en: "Goodwill")
        }
    }
}

/// What a fitted part is. Repaired and used parts need the customer's recorded consent before fitting.
public enum PartKind: String, Sendable, Codable, CaseIterable {
    case original, aftermarket, repaired, used

    public var needsConsent: Bool { self == .repaired || self == .used }

    public var label: Message {
        switch self {
        case .original: Message(zh: "原厂", en: "Original")
        case .aftermarket: Message(zh: "副厂", en: "Aftermarket")
        case .repaired: Message(zh: "修复件", en: "Repaired")
        case .used: Message(zh: "旧件", en: "Used")
        }
    }
}

/// What happens to a replaced part (旧件): the customer takes it, leaves it, or it goes back to the maker.
public enum OldPartDisposition: String, Sendable, Codable, CaseIterable {
    case customerTakes, shopKeeps, returnToMaker

    public var label: Message {
        switch self {
        case .customerTakes: Message(zh: "客户带走", en: "Customer takes")
        case .shopKeeps: Message(zh: "留店处理", en: "Left at shop")
        case .returnToMaker: Message(zh: "返厂（保修）", en: "Back to maker")
        }
    }
}

/// A labour line's state as the statement names it, from the work line's status.
public enum LabourStatus: String, Sendable, Codable, CaseIterable {
    case estimated, approved, declined, done

    public init(_ status: JobStatus) {
        switch status {
        case .pending, .awaitingApproval: self = .estimated
        case .approved: self = .approved
        case .declined: self = .declined
        case .done: self = .done
        }
    }

    public var label: Message {
        switch self {
        case .estimated: Message(zh: "预估", en: "Estimated")
        case .approved: Message(zh: "已同意", en: "Approved")
        case .declined: Message(zh: "客户拒绝", en: "Declined")
        case .done: Message(zh: "已完工", en: "Done")
        }
    }
}

/// One operation of the shop's labour catalogue: a code, a name, the kind of work (whose hourly rate
/// applies) and the standard hours in hundredths.
public struct LabourOperation: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var labourType: String
    public var standardHundredths: Int64

    public init(code: String, name: String, labourType: String, standardHundredths: Int64) {
        self.code = code
        self.name = name
        self.labourType = labourType
        self.standardHundredths = standardHundredths
    }
}

/// What settlement adds to a work line (`Job`), kept beside it: the catalogue operation, the hourly rate
/// (nil: the labour amount typed on the line stands), who pays, and a discount on the line.
public struct WorkLineCharge: Sendable, Equatable, Codable {
    public var jobID: RowID
    public var operationCode: String
    public var labourType: String
    /// Fen per hour; the labour amount is hours × rate, half up.
    public var rate: Fen?
    public var paymentBasis: PaymentBasis
    /// The insurer's claim number (insurance lines).
    public var claimNumber: String
    /// The manager who approved goodwill (goodwill lines).
    public var goodwillApproverID: RowID?
    public var discount: Fen
    /// Set when the discount was beyond the operator's limit.
    public var discountApproverID: RowID?

    public init(jobID: RowID, operationCode: String = "", labourType: String = "", rate: Fen? = nil,
                paymentBasis: PaymentBasis = .customer, claimNumber: String = "", goodwillApproverID: RowID? = nil,
                discount: Fen = .zero, discountApproverID: RowID? = nil) {
        self.jobID = jobID
        self.operationCode = operationCode
        self.labourType = labourType
        self.rate = rate
        self.paymentBasis = paymentBasis
        self.claimNumber = claimNumber
        self.goodwillApproverID = goodwillApproverID
        self.discount = discount
        self.discountApproverID = discountApproverID
    }
}

/// A part on a work line: number, name, quantity (hundredths: 4.5 L is 450), unit price, kind, what
/// happens to the part it replaces, and when it was fitted.
public struct PartLine: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var jobID: RowID
    public var number: String
    public var name: String
    public var quantityHundredths: Int64
    public var unitPrice: Fen
    public var kind: PartKind
    public var oldPart: OldPartDisposition?
    public var fittedAt: Date?

    public init(id: RowID? = nil, jobID: RowID, number: String, name: String, quantityHundredths: Int64,
                unitPrice: Fen, kind: PartKind = .original, oldPart: OldPartDisposition? = nil, fittedAt: Date? = nil) {
        self.id = id
        self.jobID = jobID
        self.number = number
        self.name = name
        self.quantityHundredths = quantityHundredths
        self.unitPrice = unitPrice
        self.kind = kind
        self.oldPart = oldPart
        self.fittedAt = fittedAt
    }

    public var amount: Fen { MoneyRounding.amount(unit: unitPrice, hundredths: quantityHundredths) }
}

/// The customer's consent to a repaired or used part: who gave it, how, who recorded it and when.
public struct PartConsent: Sendable, Equatable, Codable {
    public var partLineID: RowID
    public var givenBy: String
    public var method: ApprovalMethod
    public var recordedByID: RowID?
    public var at: Date

    public init(partLineID: RowID, givenBy: String, method: ApprovalMethod, recordedByID: RowID?, at: Date) {
        self.partLineID = partLineID
        self.givenBy = givenBy
        self.method = method
        self.recordedByID = recordedByID
        self.at = at
    }
}

public struct SettlementError: UserFacingError, Equatable {
    public let message: Message
    public init(_ message: Message) { self.message = message }
}

/// One settled version of an order's bill. The lines are a frozen copy: a correction is a new version
/// with its reason, and the old one is kept.
public struct Settlement: Sendable, Equatable {
    public var id: RowID?
    public var repairOrderID: RowID
    /// `JS-20261202-0001`, the same for every version of the order's settlement.
    public var number: String
    public var versionNo: Int
    public var isCurrent: Bool
    public var lines: [SettledLine]
    public var orderDiscount: Fen
    public var customerPays: Fen
    public var total: Fen
    /// Why this version replaced the one before (empty for the first).
    public var reason: String
    public var settledByID: RowID?
    public var settledAt: Date

    public init(id: RowID? = nil, repairOrderID: RowID, number: String, versionNo: Int, isCurrent: Bool,
                lines: [SettledLine], orderDiscount: Fen, customerPays: Fen, total: Fen, reason: String,
                settledByID: RowID?, settledAt: Date) {
        self.id = id
        self.repairOrderID = repairOrderID
        self.number = number
        self.versionNo = versionNo
        self.isCurrent = isCurrent
        self.lines = lines
        self.orderDiscount = orderDiscount
        self.customerPays = customerPays
        self.total = total
        self.reason = reason
        self.settledByID = settledByID
        self.settledAt = settledAt
    }

    /// The totals of the frozen lines (the stored figures are these, checked when the version is written).
    public func totals() throws -> SettlementTotals { try SettlementMath.totals(lines, orderDiscount: orderDiscount) }
}

/// A change made by a settlement correction, applied to the lines before the new version is frozen.
public enum SettlementCorrection: Sendable, Equatable {
    case labourHours(jobID: RowID, hundredths: Int64)
    case partQuantity(partLineID: RowID, hundredths: Int64)
    case partPrice(partLineID: RowID, unitPrice: Fen)
    case paymentBasis(jobID: RowID, basis: PaymentBasis, claimNumber: String)
}
