# Sourced by scripts/*: puts the project's tools on PATH and picks the wasm toolchain that
# scripts/setup chose (rustup's wasm32 target, or Debian's rustc-web with build-std).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
WASM_CARGO=(cargo)
WASM_BUILD_STD=()
if [[ -f .setup-state/wasm-path && $(cat .setup-state/wasm-path) == debian ]]; then
  export RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
  WASM_CARGO=(env PATH="/usr/bin:$PATH" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/debian}" /usr/bin/cargo)
  WASM_BUILD_STD=(-Z build-std=std,panic_abort)
fi

# The wasm target dir (Debian path builds in its own dir so the two rustcs don't fight).
wasm_target_dir() {
  if [[ -n ${CARGO_TARGET_DIR:-} ]]; then echo "$CARGO_TARGET_DIR";
  elif [[ ${#WASM_BUILD_STD[@]} -gt 0 ]]; then echo target/debian; else echo target; fi
}

# build_widget OUT_DIR BANK(0|1) PROFILE(release|debug) [FEATURES]
# FEATURES: e.g. test-panic, for the e2e build only (never in a release).
build_widget() {
  local out=$1 bank=$2 profile=$3 features=${4:-}
  local flags=(--target wasm32-unknown-unknown -p quiz-web)
  [[ $profile == release ]] && flags+=(--release)
  [[ $bank == 0 ]] && flags+=(--no-default-features)
  [[ -n $features ]] && flags+=(--features "$features")
  "${WASM_CARGO[@]}" build -q "${flags[@]}" "${WASM_BUILD_STD[@]}"
  # The custom-bank parser (quiz_bank_web): a second module the wrapper loads only when a page
  # gives a bank. Built on its own so quiz-core's parser features never reach quiz_web.
  local parser_flags=(--target wasm32-unknown-unknown -p quiz-bank-web)
  [[ $profile == release ]] && parser_flags+=(--release)
  "${WASM_CARGO[@]}" build -q "${parser_flags[@]}" "${WASM_BUILD_STD[@]}"
  # The LMS exporters (quiz_lms_web): a third module, loaded only by exportBank().
  local lms_flags=(--target wasm32-unknown-unknown -p quiz-lms-web)
  [[ $profile == release ]] && lms_flags+=(--release)
  "${WASM_CARGO[@]}" build -q "${lms_flags[@]}" "${WASM_BUILD_STD[@]}"
  local wasm
  wasm="$(wasm_target_dir)/wasm32-unknown-unknown/$profile"
  rm -rf "$out"; mkdir -p "$out"
  # The reset-state function lets the wrapper start a fresh instance after a panic.
  wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name quiz_web "$wasm/quiz_web.wasm"
  wasm-bindgen --target web --out-dir "$out" --out-name quiz_bank_web "$wasm/quiz_bank_web.wasm"
  wasm-bindgen --target web --out-dir "$out" --out-name quiz_lms_web "$wasm/quiz_lms_web.wasm"
  if [[ $profile == release ]]; then
    local module
    for module in quiz_web quiz_bank_web quiz_lms_web; do
      wasm-opt -Oz --converge --strip-debug --strip-producers --enable-bulk-memory --enable-reference-types \
        --enable-nontrapping-float-to-int --enable-sign-ext --enable-multivalue \
        "$out/${module}_bg.wasm" -o "$out/${module}_bg.wasm"
    done
  fi
  cp crates/quiz-web/js/{quiz-widget,contract,options,styles,custom-bank}.js "$out/"
  # Release JS and CSS minified (issue 21: -7.7 KB gzip on a blog page); debug stays readable.
  if [[ $profile == release ]]; then node scripts/lib/minify.mjs "$out"; fi
}
