import ServiceDomain

/// The follow-up panel's strings.
public enum FollowUpStrings {
    public static let tabCallbacks = Message(zh: "回访队列", en: "Callbacks")
    public static let tabComplaints = Message(zh: "投诉", en: "Complaints")
    public static let loading = Message(zh: "加载中…", en: "Loading…")
    public static let emptyQueue = Message(zh: "没有待回访的客户", en: "No callbacks to make")
    public static let emptyComplaints = Message(zh: "没有投诉", en: "No complaints")
    public static let colDue = Message(zh: "应回访", en: "Due")
    public static let colCustomer = Message(zh: "客户", en: "Customer")
    public static let colPhone = Message(zh: "电话", en: "Phone")
    public static let colVehicle = Message(zh: "车辆", en: "Vehicle")
    public static let colWork = Message(zh: "维修内容（技师）", en: "Work (by)")
    public static let colPreferred = Message(zh: "方便时间", en: "Call at")
    public static let colAttempts = Message(zh: "次数", en: "Tries")
    public static let colOpened = Message(zh: "登记", en: "Opened")
    public static let colCategory = Message(zh: "类别", en: "Category")
    public static let colStep = Message(zh: "步骤", en: "Step")
    public static let colOwner = Message(zh: "负责人", en: "Owner")
    public static let colTimer = Message(zh: "时限", en: "Timer")
    public static let overdueMark = Message(zh: "逾期", en: "late")
    public static let retryAt = Message(zh: "重拨", en: "retry")
    public static let confirmationMark = Message(zh: "[投诉复访] ", en: "[confirm] ")
    public static let tasksTitle = Message(zh: "无法联系，需发短信/信函（m 登记已发送）",
                                           en: "Unreachable: send a text message or letter (m: mark sent)")
    public static let pickMessageSent = Message(zh: "哪位客户的短信/信函已发送？", en: "Whose text message or letter went out?")
    public static let noMessagesOwed = Message(zh: "没有待发的短信/信函", en: "No text message or letter is owed")
    public static let messageSentSaved = Message(zh: "已登记：短信/信函已发送", en: "Recorded: the text message or letter went out")
    public static let pickOutcome = Message(zh: "通话结果", en: "Call outcome")
    public static let pickStep = Message(zh: "下一步", en: "Next step")
    public static let pickCategory = Message(zh: "投诉类别", en: "Complaint category")
    public static let pickClosing = Message(zh: "如何关闭", en: "How is it closed?")
    public static let pickOwner = Message(zh: "转交给", en: "Hand over to")
    public static let pickChannel = Message(zh: "投诉渠道", en: "Complaint channel")
    public static let pickCar = Message(zh: "投诉的是哪辆车？", en: "Which car is the complaint about?")
    public static let pickerHint = Message(zh: "↑↓ 选择  Enter 确定  Esc 取消", en: "↑↓ choose  Enter pick  Esc cancel")
    public static let promptHint = Message(zh: "Enter 保存  Esc 取消", en: "Enter save  Esc cancel")
    public static let callBackTimeTitle = Message(zh: "客户约定的回电时间（HH:mm 或 MM-dd HH:mm）",
                                                  en: "Time the customer named (HH:mm or MM-dd HH:mm)")
    public static let closeReasonTitle = Message(zh: "不经客户确认关闭的原因", en: "Reason for closing without confirmation")
    public static let handoverTitle = Message(zh: "交接说明", en: "Handover note")
    public static let newComplaintTitle = Message(zh: "投诉内容", en: "What is the complaint?")
    public static let closedConfirmed = Message(zh: "客户确认满意", en: "Customer confirmed satisfied")
    public static let closedWithReason = Message(zh: "不经确认关闭（填写原因）", en: "Close without confirmation (reason)")
    public static let surveyHintYesNo = Message(zh: "y 是 / n 否，Enter 下一题，Esc 放弃", en: "y yes / n no, Enter next, Esc abandon")
    public static let surveyHintScore = Message(zh: "1–10，Enter 下一题，Esc 放弃", en: "1–10, Enter next, Esc abandon")
    public static let surveyHintText = Message(zh: "可留空，Enter 下一题，Esc 放弃", en: "may be empty, Enter next, Esc abandon")
    public static let noSelection = Message(zh: "请先选择一行", en: "Select a row first")
    public static let firstContactDue = Message(zh: "首次联系", en: "First contact")
    public static let resolutionDue = Message(zh: "解决期限", en: "Resolve by")
    public static let history = Message(zh: "处理记录", en: "History")
    public static let closedAt = Message(zh: "已关闭", en: "Closed")
    public static let unowned = Message(zh: "（无人认领）", en: "(unowned)")

    public static let keyCall = Message(zh: "记录通话", en: "record call")
    public static let keyReached = Message(zh: "接通", en: "reached")
    public static let keyNoAnswer = Message(zh: "未接", en: "no answer")
    public static let keyMessageSent = Message(zh: "登记短信/信函已发送", en: "mark a text message or letter sent")
    public static let keySwitch = Message(zh: "回访/投诉", en: "callbacks/complaints")
    public static let keyOpen = Message(zh: "打开", en: "open")
    public static let keyTake = Message(zh: "认领", en: "take")
    public static let keyNextStep = Message(zh: "下一步", en: "next step")
    public static let keyHandOver = Message(zh: "转交", en: "hand over")
    public static let keyCallWindow = Message(zh: "客户方便接电话的时段", en: "the customer's calling window")
    public static let pickCallWindow = Message(zh: "客户方便接电话的时段", en: "When does the customer take calls?")

    /// "王芳: afternoon (14:00–18:00); 1 call moved into it (first 12-03 14:00)".
    public static func callWindowSaved(_ name: String, _ window: CallWindow, moved: Int, firstAt: String?) -> Message {
        let zhMoved = moved > 0 ? "；\(moved) 个回访已改到该时段（\(firstAt ?? "")）" : ""
        let enMoved = moved == 1 ? "; 1 call moved into it (\(firstAt ?? ""))"
            : moved > 1 ? "; \(moved) calls moved into it (first \(firstAt ?? ""))" : ""
        return Message(zh: "\(name)：\(window.label.zh)\(zhMoved)", en: "\(name): \(window.label.en)\(enMoved)")
    }

    public static func outcome(_ o: CallOutcome) -> Message {
        switch o {
        case .reached: Message(zh: "接通（开始问卷）", en: "Reached (start the survey)")
        case .noAnswer: Message(zh: "无人接听", en: "No answer")
        case .busy: Message(zh: "占线", en: "Busy")
        case .wrongNumber: Message(zh: "号码错误", en: "Wrong number")
        case .callBackLater: Message(zh: "客户约定其他时间", en: "Call back at a time the customer named")
        case .declinedSurvey: Message(zh: "客户拒绝回访", en: "Declined the survey")
        }
    }

    public static func stepTitle(_ step: ComplaintStep) -> Message {
        switch step {
        case .acknowledged: Message(zh: "理解并确认", en: "Understand and acknowledge")
        case .registered: Message(zh: "登记", en: "Register")
        case .handling: Message(zh: "处理：负责人和已采取的措施", en: "Handle: owner and actions taken")
        case .replied: Message(zh: "答复客户：说了什么", en: "Reply to the customer: what was said")
        case .escalated: Message(zh: "升级到服务经理：原因", en: "Escalate to the service manager: why")
        case .closed: Message(zh: "跟进并关闭", en: "Follow up and close")
        }
    }

    public static func attemptSaved(_ o: CallOutcome, retryAt: String?, unreachable: Bool) -> Message {
        if unreachable {
            return Message(zh: "已记录“\(outcome(o).zh)”；回访以无法联系结束，请发短信或信函",
                           en: "\(outcome(o).en) recorded; the callback closed as unreachable: send a text message or letter")
        }
        if let retryAt {
            return Message(zh: "已记录“\(outcome(o).zh)”，\(retryAt) 重拨", en: "\(outcome(o).en) recorded; try again at \(retryAt)")
        }
        return Message(zh: "已记录“\(outcome(o).zh)”", en: "\(outcome(o).en) recorded")
    }

    public static func completed(score: Int?, complaint: Bool, comeback: Bool) -> Message {
        var zh = "回访完成" + (score.map { "，满意度 \($0)" } ?? "")
        var en = "Callback done" + (score.map { ", score \($0)" } ?? "")
        if comeback {
            zh += "；已标记可能返修，请在“预约”(F4) 为客户预约返厂"
            en += "; possible comeback flagged, book a return visit (F4)"
        }
        if complaint {
            zh += "；已登记投诉"
            en += "; a complaint was opened"
        }
        return Message(zh: zh, en: en)
    }

    public static func complaintStepSaved(_ step: ComplaintStep, confirmationDue: String?) -> Message {
        if let due = confirmationDue {
            return Message(zh: "投诉已关闭；已安排 \(due) 前复访确认满意", en: "Complaint closed; confirmation call scheduled by \(due)")
        }
        return Message(zh: "投诉步骤已记录：\(step.label.zh)", en: "Complaint step recorded: \(step.label.en.lowercased())")
    }

    public static let complaintOpened = Message(zh: "投诉已登记，由您负责", en: "Complaint opened; you own it")
    public static let complaintTaken = Message(zh: "您已认领此投诉", en: "You own this complaint now")
    public static let complaintHandedOver = Message(zh: "投诉已转交", en: "Complaint handed over")

    // The callback card and the survey dialog.
    public static let advisor = Message(zh: "顾问", en: "Advisor")
    public static let delivered = Message(zh: "交车", en: "Delivered")
    public static let surveyTitle = Message(zh: "回访问卷", en: "Follow-up survey")
    public static let answerYes = Message(zh: "是", en: "yes")
    public static let answerNo = Message(zh: "否", en: "no")
}
