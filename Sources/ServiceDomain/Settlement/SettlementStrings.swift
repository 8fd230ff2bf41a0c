import Foundation

/// The settlement statement's words, in both languages.
public enum SettlementStrings {
    public static let title = Message(zh: "维修结算清单", en: "Repair settlement statement")
    public static let address = Message(zh: "地址", en: "Address")
    public static let hotline = Message(zh: "服务热线", en: "Hotline")
    public static let roNumber = Message(zh: "工单号", en: "RO")
    public static let settlementNumber = Message(zh: "结算单号", en: "Settlement")
    public static func version(_ n: Int) -> Message { Message(zh: "第\(n)版", en: "version \(n)") }
    public static let correctionReason = Message(zh: "更正原因", en: "Correction")
    public static let customer = Message(zh: "客户", en: "Customer")
    public static let phone = Message(zh: "电话", en: "Phone")
    public static let plate = Message(zh: "车牌", en: "Plate")
    public static let vin = Message(zh: "VIN", en: "VIN")
    public static let model = Message(zh: "车型", en: "Model")
    public static let mileageIn = Message(zh: "进厂里程", en: "Mileage in")
    public static let advisor = Message(zh: "服务顾问", en: "Advisor")
    public static let checkedIn = Message(zh: "进厂时间", en: "Checked in")
    public static let settledAt = Message(zh: "结算时间", en: "Settled")
    public static let repairClass = Message(zh: "维修类别", en: "Repair class")
    public static let labourSection = Message(zh: "工时项目", en: "Labour")
    public static let partsSection = Message(zh: "材料明细", en: "Parts")
    public static let oldPartsSection = Message(zh: "旧件处理", en: "Old parts")
    public static let totalsSection = Message(zh: "费用合计", en: "Totals")
    public static let declinedSection = Message(zh: "建议项目（客户暂不维修）", en: "Recommended, declined")
    public static let operation = Message(zh: "项目", en: "Operation")
    public static let hours = Message(zh: "工时", en: "Hours")
    public static let rate = Message(zh: "单价", en: "Rate")
    public static let amount = Message(zh: "金额", en: "Amount")
    public static let payer = Message(zh: "付费", en: "Paid by")
    public static let partNumber = Message(zh: "零件号", en: "Part no.")
    public static let partName = Message(zh: "名称", en: "Name")
    public static let kind = Message(zh: "类别", en: "Kind")
    public static let quantity = Message(zh: "数量", en: "Qty")
    public static let unitPrice = Message(zh: "单价", en: "Price")
    public static let lumpParts = Message(zh: "材料费（未分项）", en: "Parts (not itemised)")
    public static let lumpLabour = Message(zh: "按项", en: "lump")
    public static let labourTotal = Message(zh: "工时费", en: "Labour")
    public static let partsTotal = Message(zh: "材料费", en: "Parts")
    public static let lineDiscounts = Message(zh: "项目折扣", en: "Line discounts")
    public static let orderDiscount = Message(zh: "整单折扣", en: "Order discount")
    public static let claim = Message(zh: "理赔单号", en: "claim")
    public static let customerPays = Message(zh: "客户应付", en: "Customer pays")
    public static let capitals = Message(zh: "人民币大写", en: "In Chinese capitals")
    public static let warranty = Message(zh: "质量保证期", en: "Repair warranty")
    public static func warrantyTerms(days: Int, km: Int) -> Message {
        Message(zh: "\(days) 天或 \(DigitGrouping.grouped(km)) 公里（以先到者为准），自交车之日起",
                en: "\(days) days or \(DigitGrouping.grouped(km)) km, whichever comes first, from delivery")
    }
    public static let customerSignature = Message(zh: "客户签字", en: "Customer signature")
    public static let advisorSignature = Message(zh: "服务顾问签字", en: "Advisor signature")
    public static let date = Message(zh: "日期", en: "Date")
    public static let copyOne = Message(zh: "第一联 客户联", en: "Copy 1 (customer)")
    public static let copyTwo = Message(zh: "第二联 存根联", en: "Copy 2 (shop)")
    public static let cutLine = Message(zh: "裁切线", en: "cut here")

    public static func className(_ c: RepairClass) -> Message {
        switch c {
        case .majorAssembly: Message(zh: "整车/总成修理", en: "Major assembly repair")
        case .level2Maintenance: Message(zh: "二级维护", en: "Level-2 maintenance")
        case .level1Maintenance: Message(zh: "一级维护", en: "Level-1 maintenance")
        case .minorRepair: Message(zh: "小修", en: "Minor repair")
        case .specialistRepair: Message(zh: "专项修理", en: "Specialist repair")
        }
    }
}
