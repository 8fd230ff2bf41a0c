import ServiceDomain

/// The workshop panels' catalog (zh-Hans, en).
public enum WorkshopStrings {
    public static let boardTitle = Message(zh: "在修看板", en: "Waiting board")
    public static let deliveryTitle = Message(zh: "交车", en: "Delivery")
    public static let colPlate = Message(zh: "车牌", en: "Plate")
    public static let colCustomer = Message(zh: "客户", en: "Customer")
    public static let colPhone = Message(zh: "电话", en: "Phone")
    public static let colAdvisor = Message(zh: "顾问", en: "Advisor")
    public static let colTechnician = Message(zh: "技师", en: "Tech")
    public static let colStage = Message(zh: "状态", en: "Stage")
    public static let colInStage = Message(zh: "停留", en: "In stage")
    public static let colPromised = Message(zh: "承诺", en: "Promised")
    public static let colLeft = Message(zh: "剩余", en: "Left")
    public static let colWaiter = Message(zh: "等", en: "W")
    public static let colRO = Message(zh: "工单号", en: "RO")
    public static let emptyBoard = Message(zh: "没有在修车辆", en: "No cars in the shop")
    public static let emptyFiltered = Message(zh: "没有符合筛选条件的车辆", en: "No cars match the filter")
    public static let loading = Message(zh: "正在加载…", en: "Loading…")
    public static let waiterMark = "★"
    public static let allAdvisors = Message(zh: "全部顾问", en: "all advisors")
    public static let allStages = Message(zh: "全部状态", en: "all stages")
    public static let waitersOnly = Message(zh: "仅等待客户", en: "waiters only")
    public static let sortedBy = Message(zh: "排序", en: "sort")
    public static let callHint = Message(zh: "有风险车辆请提前致电客户（l 登记已告知延误）",
                                         en: "Call customers of at-risk cars before the promise (l logs delay notified)")

    public static func counts(total: Int, missed: Int, atRisk: Int) -> Message {
        Message(zh: "共 \(total) 台 · 超时 \(missed) · 有风险 \(atRisk)",
                en: "\(total) \(total == 1 ? "car" : "cars") · \(missed) missed · \(atRisk) at risk")
    }

    // Keys
    public static let keyMoveStage = Message(zh: "改状态", en: "Stage")
    public static let keyDispatch = Message(zh: "派工", en: "Dispatch")
    public static let keyQC = Message(zh: "质检", en: "QC")
    public static let keyDelay = Message(zh: "告知延误", en: "Delay")
    public static let keyAddJob = Message(zh: "增项", en: "Add work")
    public static let keyFilterAdvisor = Message(zh: "按顾问", en: "Advisor")
    public static let keyFilterStage = Message(zh: "按状态", en: "Stage filter")
    public static let keyFilterWaiters = Message(zh: "仅等待", en: "Waiters")
    public static let keySort = Message(zh: "排序", en: "Sort")
    public static let keyClearFilter = Message(zh: "清除筛选", en: "Clear filter")
    public static let keyDetail = Message(zh: "详情", en: "Details")
    public static let keyApprove = Message(zh: "客户同意", en: "Approved")
    public static let keyDecline = Message(zh: "客户拒绝", en: "Declined")
    public static let keyTick = Message(zh: "勾选", en: "Tick")
    public static let keyOverride = Message(zh: "经理放行", en: "Override")
    public static let keyDeliver = Message(zh: "交车", en: "Deliver")
    public static let keySummary = Message(zh: "保存交车单", en: "Save summary")
    public static let keyChecklist = Message(zh: "清单", en: "Checklist")

    // Pickers and prompts
    public static let pickStage = Message(zh: "改为哪个状态？", en: "Move to which stage?")
    public static let pickTechnician = Message(zh: "派给哪位技师？", en: "Assign which technician?")
    public static let pickQC = Message(zh: "质检结果", en: "QC result")
    public static let qcPass = Message(zh: "合格", en: "Passed")
    public static let qcFail = Message(zh: "不合格（返修）", en: "Failed (back to work)")
    public static let noTargets = Message(zh: "该工单现在不能改状态", en: "This order cannot change stage now")
    public static let noTechnicians = Message(zh: "没有在岗技师：请先在员工管理中添加", en: "No active technicians: add them under staff first")
    public static let holdReason = Message(zh: "暂停原因", en: "Reason for hold")
    public static let cancelReason = Message(zh: "取消原因", en: "Reason for cancelling")
    public static let reassignReason = Message(zh: "改派原因", en: "Reason for reassigning")
    public static let delayTime = Message(zh: "已告知客户延误：新的承诺时间", en: "Delay notified: new promised time")
    public static let delayTimeHint = Message(zh: "HH:mm 或 MM-dd HH:mm，Enter 确认", en: "HH:mm or MM-dd HH:mm, Enter to confirm")
    public static let delayNote = Message(zh: "备注（可空，如客户反应）", en: "Note (optional, e.g. how the customer took it)")
    public static let qcFailNote = Message(zh: "质检不合格原因", en: "Why QC failed")
    public static let additionalJob = Message(zh: "增项：描述 工时费 材料费（元）", en: "Additional work: description labour parts (yuan)")
    public static let additionalJobHint = Message(zh: "例：更换刹车片 150 460；需客户同意后才做",
                                                  en: "e.g. Replace brake pads 150 460; done only after the customer approves")
    public static let amountNote = Message(zh: "金额与预估不同：记录客户同意的差额说明", en: "Amount differs from the estimate: record the customer's approval")
    public static let overrideReason = Message(zh: "经理放行原因（将记入审计）", en: "Override reason (audited)")
    public static let reasonHint = Message(zh: "Enter 确认 · Esc 取消", en: "Enter confirm · Esc cancel")
    public static let pickerHint = Message(zh: "↑↓ 选择 · Enter 确认 · Esc 取消", en: "↑↓ choose · Enter confirm · Esc cancel")
    public static let badAdditionalJob = Message(
        zh: "增项格式：描述 工时费 材料费，如“更换刹车片 150 460”（金额为元）",
        en: "Additional work: description labour parts, e.g. \"Replace brake pads 150 460\" (yuan)")
    public static let noJobSelected = Message(zh: "请先按 Enter 打开工单并选择项目", en: "Open the order with Enter and choose a job first")

    // Delivery
    public static let readyQueue = Message(zh: "待交车", en: "Ready for pickup")
    public static let emptyQueue = Message(zh: "没有待交车的工单", en: "No orders ready for pickup")
    public static let checklist = Message(zh: "交车清单", en: "Delivery checklist")
    public static let byData = Message(zh: "（系统核对）", en: "(checked from data)")
    public static let overriddenMark = Message(zh: "经理放行", en: "overridden")
    public static let estimate = Message(zh: "预估", en: "Estimate")
    public static let final = Message(zh: "结算", en: "Final")
    public static let notManager = DeliveryChecklist.overrideRefused
    public static let cannotTick = Message(zh: "此项由系统根据完工和质检记录核对，不能手工勾选；缺失时只能由经理放行",
                                           en: "This item is checked from the job and QC records; if missing only a manager can override")
    public static let summaryTitle = Message(zh: "交车单", en: "Delivery summary")
    public static let summaryHint = Message(zh: "s 保存到文件 · Esc 关闭", en: "s save to a file · Esc close")

    public static func delivered(_ number: String, callbackDue: String) -> Message {
        Message(zh: "\(number) 已交车；回访已安排在 \(callbackDue)",
                en: "\(number) delivered; follow-up call scheduled for \(callbackDue)")
    }
    public static func delivered(_ number: String, callbackDue: String, summaryPath: String) -> Message {
        Message(zh: "\(number) 已交车；回访已安排在 \(callbackDue)；交车单：\(summaryPath)",
                en: "\(number) delivered; follow-up call scheduled for \(callbackDue); summary: \(summaryPath)")
    }
    public static func summaryNotSaved(_ reason: String) -> Message {
        Message(zh: "交车单未能写入文件：\(reason)；按 s 重试", en: "The summary could not be written: \(reason); press s to try again")
    }
    public static func summarySaved(_ path: String) -> Message {
        Message(zh: "交车单已保存：\(path)", en: "Summary saved: \(path)")
    }
    public static let saved = Message(zh: "已保存", en: "Saved")
    public static func moved(_ number: String, _ stage: ROStage) -> Message {
        Message(zh: "\(number) 已改为“\(stage.label.zh)”", en: "\(number) is now \(stage.label.en.lowercased())")
    }
    // The board's detail pane.
    public static func qcResult(passed: Bool, inspector: String) -> Message {
        Message(zh: "质检：\(passed ? "合格" : "不合格") 质检员 \(inspector)",
                en: "QC: \(passed ? "passed" : "failed") by \(inspector)")
    }
    public static let qcMandatory = Message(zh: "本类维修必须质检", en: "QC mandatory for this class")
    public static func delaysNotified(_ count: Int) -> Message {
        Message(zh: "  已告知延误 \(count) 次", en: "  delay notified \(count)x")
    }
    public static func jobStatus(_ status: JobStatus) -> Message {
        switch status {
        case .pending: Message(zh: "待做", en: "to do")
        case .awaitingApproval: Message(zh: "待客户确认", en: "awaiting approval")
        case .approved: Message(zh: "客户已同意", en: "approved")
        case .declined: Message(zh: "客户拒绝", en: "declined")
        case .done: Message(zh: "完工", en: "done")
        }
    }

    // Saved by the workshop's effects.
    public static func assigned(_ job: String) -> Message { Message(zh: "已派工：\(job)", en: "Assigned: \(job)") }
    public static func qcPassedSaved(inspector: String) -> Message {
        Message(zh: "质检合格，质检员 \(inspector)", en: "QC passed, inspector \(inspector)")
    }
    public static let qcFailedSaved = Message(zh: "质检不合格已记录，请改回“维修中”返修",
                                              en: "QC failure recorded; move the car back to in progress")
    public static func delayNotified(_ number: String) -> Message {
        Message(zh: "\(number) 已记录告知延误", en: "\(number): delay notified")
    }
    public static let additionalJobAdded = Message(zh: "增项已添加，等待客户确认",
                                                   en: "Additional work added; awaiting the customer's answer")
}
