import { installPrecompiledWasm } from "../../worker/platform/wasm/precompiled";

// Domain code imported directly by tests runs outside worker/index.ts, which installs this too.
installPrecompiledWasm();
