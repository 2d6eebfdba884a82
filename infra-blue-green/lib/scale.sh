# shellcheck shell=bash
# Scaling a colour: 'scale' sets how many instances it runs (new ones start with the colour's release and join
# HAProxy; removed ones leave it first and drain), and 'autoscale' chooses that number from the instances' own
# /metrics: the lint requests waiting for a worker, and the CPU load.

# Autoscaling policy (docs/operations.md, "Scaling"). A colour grows by one instance when, averaged over its
# instances, lint requests waiting reach WAITING_HIGH or the CPU load reaches CPU_HIGH; it shrinks by one when both
# have stayed at or below their LOW values for LOW_FOR seconds. Always within --min and --max.
: "${BLUEGREEN_AUTOSCALE_WAITING_HIGH:=2}"
: "${BLUEGREEN_AUTOSCALE_WAITING_LOW:=0}"
: "${BLUEGREEN_AUTOSCALE_CPU_HIGH:=0.85}"
: "${BLUEGREEN_AUTOSCALE_CPU_LOW:=0.30}"
: "${BLUEGREEN_AUTOSCALE_LOW_FOR:=300}"
# Seconds between two decisions of 'autoscale' without --once.
: "${BLUEGREEN_AUTOSCALE_INTERVAL:=30}"

# ---- scale COLOUR N ---------------------------------------------------------------------------------------------

# The first COUNT slots without a running instance, lowest first.
free_slots() {
    local colour=$1 count=$2 index
    for ((index = 1; index <= BLUEGREEN_SLOTS && count > 0; index++)); do
        if ! instance_running "$colour" "$index"; then
            echo "$index"
            count=$((count - 1))
        fi
    done
}

# Starts instances in the lowest free slots until the colour runs TARGET, and waits until HAProxy sees them up.
scale_up() {
    local colour=$1 target=$2 highest
    highest=$(free_slots "$colour" $((target - $(running_count "$colour"))) | tail -n 1)
    # colour_start starts every missing instance of slots 1..highest: exactly the free slots picked above. The
    # colour runs already, so the new instances get its release, whatever BLUEGREEN_WAR is now.
    colour_start "$colour" "$highest" "$BLUEGREEN_WAR" no
}

# Stops the highest-numbered instances until the colour runs TARGET. instance_stop takes each out of HAProxy first
# (maintenance: no new request, and a browser's cookie for it goes to another instance) and waits until it holds
# no session (bounded by BLUEGREEN_DRAIN_TIMEOUT). HAProxy's "drain" state is not used: it keeps sending the
# browsers whose cookie names the instance, so under steady use the instance would never empty.
scale_down() {
    local colour=$1 target=$2 index
    for index in $(running_instances "$colour" | sort -rn | head -n $(($(running_count "$colour") - target))); do
        say "removing $(instance_name "$colour" "$index"): out of HAProxy, draining, stopping"
        instance_stop "$colour" "$index"
    done
}

# colour_scale COLOUR TARGET: makes the colour run TARGET instances. The colour must run already (its release is
# the one new instances start); the live colour keeps at least one.
colour_scale() {
    local colour=$1 target=$2 current start_ms
    current=$(running_count "$colour")
    [ "$current" -gt 0 ] ||
        die "$colour runs no instance: start it first ('bluegreen start $colour N'), so that it has a release to scale"
    if [ "$target" -lt 1 ] && lb_running && [ "$(lb_live_colour)" = "$colour" ]; then
        die "$colour is live: it keeps at least one instance (switch first, or stop it with 'bluegreen stop $colour --force')"
    fi
    start_ms=$(now_ms)
    if [ "$target" -eq "$current" ]; then
        say "$colour already runs $current instance(s)"
        return 0
    fi
    say "scale $colour: $current -> $target instance(s), release $(colour_release "$colour")"
    if [ "$target" -gt "$current" ]; then
        scale_up "$colour" "$target" || die "$colour did not grow to $target: see the messages above"
    else
        scale_down "$colour" "$target"
    fi
    say "$colour runs $(running_count "$colour") instance(s) after $(elapsed_since "$start_ms")s"
}

command_scale() {
    local colour=${1:-} target=${2:-}
    [ $# -eq 2 ] || die "usage: bluegreen scale COLOUR N"
    require_colour "$colour"
    case "$target" in
        '' | *[!0-9]*) die "instance count must be a number, got '$target'" ;;
    esac
    [ "$target" -le "$BLUEGREEN_SLOTS" ] ||
        die "instance count must be at most $BLUEGREEN_SLOTS (BLUEGREEN_SLOTS, the servers HAProxy declares per colour), got $target"
    colour_scale "$colour" "$target"
}

# ---- autoscale COLOUR --min A --max B [--once] ------------------------------------------------------------------

# autoscale_target CURRENT MIN MAX WAITING CPU LOW_SECONDS: the instance count the policy wants, given the colour's
# average lint requests waiting and CPU load, and for how many seconds both have been low (0: they are not low now).
autoscale_target() {
    local current=$1 min=$2 max=$3 waiting=$4 cpu=$5 low_seconds=$6
    awk -v current="$current" -v min="$min" -v max="$max" -v waiting="$waiting" -v cpu="$cpu" \
        -v low_seconds="$low_seconds" -v waiting_high="$BLUEGREEN_AUTOSCALE_WAITING_HIGH" \
        -v cpu_high="$BLUEGREEN_AUTOSCALE_CPU_HIGH" -v low_for="$BLUEGREEN_AUTOSCALE_LOW_FOR" 'BEGIN {
        target = current
        if (waiting + 0 >= waiting_high + 0 || cpu + 0 >= cpu_high + 0) target = current + 1
        else if (low_seconds + 0 > 0 && low_seconds + 0 >= low_for + 0) target = current - 1
        if (target > max + 0) target = max + 0
        if (target < min + 0) target = min + 0
        print target
    }'
}

# autoscale_is_low WAITING CPU: whether both readings are at or below their low marks.
autoscale_is_low() {
    awk -v waiting="$1" -v cpu="$2" -v waiting_low="$BLUEGREEN_AUTOSCALE_WAITING_LOW" \
        -v cpu_low="$BLUEGREEN_AUTOSCALE_CPU_LOW" 'BEGIN { exit !(waiting + 0 <= waiting_low + 0 && cpu + 0 <= cpu_low + 0) }'
}

# The readings in an instance's /metrics (Prometheus text on stdin): "WAITING CPU", the lint requests waiting for
# a worker over both tiers, and the host's recent CPU load from 0 to 1 (system_cpu_load, which Payara Micro
# exports; negative when the system cannot tell). Fails when either figure is missing.
metrics_readings() {
    awk '
        /^pyroom_lint_waiting[{ ]/ { waiting += $NF; seen_waiting = 1 }
        /^system_cpu_load[{ ]/ && $NF + 0 >= 0 { cpu = $NF; seen_cpu = 1 }
        END { if (!seen_waiting || !seen_cpu) exit 1; print waiting, cpu }'
}

instance_readings() {
    curl -sf --max-time 5 "$(instance_url "$1" "$2")/metrics" | metrics_readings
}

# The colour's average readings, "WAITING CPU ANSWERED", over the instances whose /metrics answered.
colour_readings() {
    local colour=$1 index
    for index in $(running_instances "$colour"); do
        instance_readings "$colour" "$index" || warn "no readings from $(instance_name "$colour" "$index")'s /metrics"
    done | awk '{ waiting += $1; cpu += $2; n++ } END { if (n) printf "%.2f %.2f %d\n", waiting / n, cpu / n, n; else print "- - 0" }'
}

# Since when (epoch seconds) the colour's readings have been low, kept in the state folder between decisions.
low_since_file() { echo "$(colour_dir "$1")/autoscale-low-since"; }

# Seconds the readings have been low, counting this decision; forgets the start when they are not low.
low_seconds() {
    local colour=$1 waiting=$2 cpu=$3 file seconds
    file=$(low_since_file "$colour")
    if ! autoscale_is_low "$waiting" "$cpu"; then
        rm -f "$file"
        echo 0
        return 0
    fi
    [ -s "$file" ] || date +%s >"$file"
    seconds=$(($(date +%s) - $(cat "$file")))
    # At least 1: the readings are low now, even on the first decision that sees them so.
    echo $((seconds > 0 ? seconds : 1))
}

# One decision for a colour (or the live one): reads, decides, scales through 'bluegreen scale' (which takes the
# lock, so a decision waits for no deploy and never runs inside one: a busy lock only skips this decision).
autoscale_once() {
    local requested=$1 min=$2 max=$3 colour current readings waiting cpu answered low target
    colour=$requested
    if [ "$requested" = live ]; then colour=$(lb_live_colour); fi
    if [ -z "$colour" ]; then
        say "autoscale: no live colour yet (HAProxy has not started), nothing to scale"
        return 0
    fi
    current=$(running_count "$colour")
    if [ "$current" -eq 0 ]; then
        say "autoscale $colour: runs no instance, nothing to scale"
        return 0
    fi
    readings=$(colour_readings "$colour")
    read -r waiting cpu answered <<<"$readings"
    if [ "$answered" -eq 0 ]; then
        say "autoscale $colour: no instance answered on /metrics; keeping $current instance(s)"
        return 0
    fi
    low=$(low_seconds "$colour" "$waiting" "$cpu")
    target=$(autoscale_target "$current" "$min" "$max" "$waiting" "$cpu" "$low")
    say "autoscale $colour: $current instance(s), $answered answered: lint waiting $waiting, cpu $cpu, low for ${low}s -> $target"
    [ "$target" -ne "$current" ] || return 0
    rm -f "$(low_since_file "$colour")"
    "$HERE/bin/bluegreen" scale "$colour" "$target" || warn "autoscale $colour: scaling to $target failed or was skipped"
}

command_autoscale() {
    local colour="" min="" max="" once=no
    while [ $# -gt 0 ]; do
        case "$1" in
            --min) min=${2:-}; shift 2 ;;
            --max) max=${2:-}; shift 2 ;;
            --once) once=yes; shift ;;
            -*) die "autoscale: unknown option $1" ;;
            *) colour=$1; shift ;;
        esac
    done
    [ "$colour" = live ] || require_colour "$colour"
    if [ -z "$min" ] || [ -z "$max" ]; then die "usage: bluegreen autoscale COLOUR|live --min A --max B [--once]"; fi
    require_count "$min"
    require_count "$max"
    [ "$min" -le "$max" ] || die "autoscale: --min $min is above --max $max"
    if [ "$once" = yes ]; then
        autoscale_once "$colour" "$min" "$max"
        return 0
    fi
    say "autoscaling $colour between $min and $max instance(s), a decision every ${BLUEGREEN_AUTOSCALE_INTERVAL}s"
    while true; do
        autoscale_once "$colour" "$min" "$max" || warn "autoscale: this decision failed; trying again"
        sleep "$BLUEGREEN_AUTOSCALE_INTERVAL"
    done
}
