// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Transition",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "EventLog", targets: ["EventLog"]),
    ],
    targets: [
        .target(name: "TransitionSupport", swiftSettings: strict),
        .target(name: "EventLog", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .executableTarget(name: "transition-stress", dependencies: ["EventLog", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "TransitionSupportTests", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "TransitionSupport", "transition-stress"], swiftSettings: strict),
    ]
)
