# shellcheck shell=bash
# Moving users from one colour to the other: deploy (new release to the idle colour, then switch), rollback
# (switch back to the colour kept warm) and cutover (switch to a release already started on the idle colour). All
# refuse to switch to a colour that is not healthy.

# Checks one instance directly, bypassing HAProxy: readiness, Pyroom's health report, the home page.
smoke_test_instance() {
    local colour=$1 index=$2 url answer code status home ready verdict=ok
    url=$(instance_address "$colour" "$index")
    ready=$(instance_get "$colour" "$index" /health/ready | tail -n 1)
    answer=$(instance_get "$colour" "$index" /api/health)
    code=${answer##*$'\n'}
    status=$(printf '%s' "${answer%$'\n'*}" | grep -o '"status" *: *"[A-Z]*"' | head -n 1 | grep -o '[A-Z]*' || true)
    home=$(instance_get "$colour" "$index" / 10 | tail -n 1)
    if [ "$ready" != 200 ] || [ "$code" != 200 ] || [ "$home" != 200 ]; then verdict=FAILED; fi
    case "$status" in
        UP | DEGRADED) ;;
        *) verdict=FAILED ;;
    esac
    say "  $(instance_name "$colour" "$index") ($url): /health/ready $ready, /api/health $code ${status:-no status}, / $home: $verdict"
    [ "$verdict" = ok ]
}

# Every instance the colour should have must run and pass the smoke test.
smoke_test_colour() {
    local colour=$1 index failed=0 indexes
    indexes=$(recorded_instances "$colour")
    [ -n "$indexes" ] || return 1
    for index in $indexes; do
        if ! instance_running "$colour" "$index"; then
            say "  $(instance_name "$colour" "$index"): not running (pid file left behind): FAILED"
            failed=1
        elif ! smoke_test_instance "$colour" "$index"; then
            failed=1
        fi
    done
    [ "$failed" -eq 0 ]
}

lb_colour_up() {
    local colour=$1 index
    for index in $(recorded_instances "$colour"); do
        lb_wait_server_up "$colour" "$index" || return 1
    done
}

switch_to() {
    local target=$1 previous=$2 start_ms ms
    start_ms=$(now_ms)
    lb_switch "$target"
    ms=$(($(now_ms) - start_ms))
    say "switched in $(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))s: $target is live, $previous gets no new request"
}

# Waits until the previous colour holds no session (bounded by BLUEGREEN_DRAIN_TIMEOUT).
drain() {
    local colour=$1 start_ms left
    start_ms=$(now_ms)
    if left=$(lb_wait_backend_drained "$colour"); then
        say "drained $colour in $(elapsed_since "$start_ms")s (no session left)"
    else
        # What is left after the timeout is long-lived (WebSockets): closing it makes those clients reconnect,
        # and a reconnection lands on the live colour.
        warn "$colour still holds $left session(s) after ${BLUEGREEN_DRAIN_TIMEOUT}s (BLUEGREEN_DRAIN_TIMEOUT): closing them"
        lb_close_sessions "$colour"
    fi
}

refuse_deploy() {
    local target=$1 live=$2 reason=$3
    warn "deploy refused: $target $reason; traffic stays on ${live} and nothing changed for users"
    warn "logs of $target: $(colour_logs_hint "$target")"
    colour_stop "$target" >&2
    exit 1
}

command_deploy() {
    local war="" count="" keep_warm=no live target release start_ms
    while [ $# -gt 0 ]; do
        case "$1" in
            --instances) count=${2:-}; shift 2 ;;
            --keep-warm) keep_warm=yes; shift ;;
            -*) die "deploy: unknown option $1" ;;
            *) war=$1; shift ;;
        esac
    done
    [ -n "$war" ] || die "usage: bluegreen deploy $(release_noun) [--instances N] [--keep-warm]"
    require_release "$war"
    require_lb
    live=$(lb_live_colour)
    target=$(other_colour "$live")
    if [ -z "$count" ]; then count=$(running_count "$live"); fi
    if [ "$count" -eq 0 ]; then count=2; fi
    require_count "$count"
    release=$(release_of "$war")
    start_ms=$(now_ms)
    if [ "$(running_count "$live")" -gt 0 ]; then
        say "deploy: release $release to $target ($count instance(s)); $live (release $(colour_release "$live")) is live"
    else
        say "deploy: release $release to $target ($count instance(s)); $live is live but runs no instance"
    fi

    say "[1/5] start $target"
    if [ -n "$(recorded_instances "$target")" ]; then
        say "$target still has instances (release $(colour_release "$target")), no traffic: replacing them"
        colour_stop "$target"
    fi
    colour_start "$target" "$count" "$war" yes || refuse_deploy "$target" "$live" "did not become ready"

    say "[2/5] smoke test $target directly (not through HAProxy)"
    smoke_test_colour "$target" || refuse_deploy "$target" "$live" "failed the smoke test"
    lb_colour_up "$target" || refuse_deploy "$target" "$live" "is not up in HAProxy's health checks"

    say "[3/5] switch $live -> $target"
    switch_to "$target" "$live"
    say "[4/5] drain $live"
    drain "$live"

    say "[5/5] retire $live"
    if [ "$keep_warm" = yes ]; then
        say "$live kept warm for rollback: $(running_count "$live") instance(s), release $(colour_release "$live")"
    else
        colour_stop "$live"
    fi
    say "deploy done in $(elapsed_since "$start_ms")s: $target is live with release $release"
}

command_rollback() {
    [ $# -eq 0 ] || die "usage: bluegreen rollback"
    switch_to_running_colour rollback
}

command_cutover() {
    [ $# -eq 0 ] || die "usage: bluegreen cutover"
    switch_to_running_colour cutover
}

# switch_to_running_colour VERB: moves users to the idle colour, which must already run and be healthy: the colour
# kept warm by a deploy (rollback), or a release started there and tried first (cutover, as the pipeline does).
switch_to_running_colour() {
    local verb=$1 live target start_ms index
    require_lb
    live=$(lb_live_colour)
    target=$(other_colour "$live")
    start_ms=$(now_ms)
    if [ "$(running_count "$target")" -eq 0 ]; then
        die "$verb refused: $target has no running instance (deploy stops the previous colour unless --keep-warm; start it with 'bluegreen start $target --war WAR')"
    fi
    for index in $(recorded_instances "$target"); do
        instance_running "$target" "$index" ||
            die "$verb refused: $(instance_name "$target" "$index") is not running; restart it with 'bluegreen start $target $(recorded_instances "$target" | wc -l)' or clear it with 'bluegreen stop $target'"
    done
    say "$verb: $live (release $(colour_release "$live")) -> $target (release $(colour_release "$target"))"
    say "[1/3] check $target directly (not through HAProxy)"
    smoke_test_colour "$target" || die "$verb refused: $target is not healthy (above); traffic stays on $live"
    lb_colour_up "$target" || die "$verb refused: HAProxy does not see $target up; traffic stays on $live"
    say "[2/3] switch $live -> $target"
    switch_to "$target" "$live"
    say "[3/3] drain $live"
    drain "$live"
    say "$verb done in $(elapsed_since "$start_ms")s: $target is live with release $(colour_release "$target")"
    say "$live keeps running without traffic (for a rollback); stop it with 'bluegreen stop $live'"
}
