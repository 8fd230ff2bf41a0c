import ServiceDomain

/// Help texts of the keys the dialogs share.
public enum KeyStrings {
    public static let save = Message(zh: "保存", en: "Save")
    public static let nextQuestion = Message(zh: "下一题", en: "Next question")
    public static let choose = Message(zh: "选定", en: "Pick")
    public static let yes = Message(zh: "是", en: "Yes")
    public static let no = Message(zh: "否", en: "No")
    public static let previousField = Message(zh: "上一项", en: "Previous field")
}
