/// The documents the parser's tests read, shared with the reader's tests so that both are checked
/// on every one of them.
enum JSONDocuments {
    static let keyOrder = #"{"zeta":1,"alpha":[true,false,null],"mid":{"b":2.5,"a":"x"}}"#
    static let numbers = #"[0, -7, 9007199254740993, 1.5, -2.5e-3, 1E+2, 0.1]"#
    static let escapes = #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00", "plain ünïcödé"]"#
    static let wideNumbers = "[12345678901234567890, 18446744073709551615, 18446744073709551616]"

    /// Every well-formed document above, and a few more shapes.
    static let wellFormed = [
        keyOrder, numbers, escapes, wideNumbers,
        "[]", "{}", " \n\t\r[ ] ", "null", "true", "\"\"", "-0", "0.0e0", #"{"a":{"b":{"c":[[],{}]}}}"#,
        #"{"dup": 1, "x": 2, "dup": [3]}"#, #"{"\u0069d": "escaped key", "k\u00e9y": "é"}"#,
    ]

    static let malformed = [
        "", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "-", "\"abc", "\"\\x\"", "\"\\ud800\"", "[1] 2", "{\"a\":1,}", "NaN",
    ]

    /// Invalid UTF-8 in strings, with and without escapes.
    static let invalidUTF8: [[UInt8]] = [
        [0x22, 0xC3, 0x22], [0x22, 0xFF, 0x61, 0x22], [0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
    ]
}
