package dev.pyroom.classroom.boundary;

import dev.pyroom.classroom.entity.CourseLimits;
import java.io.Serializable;

/** A form's five run limit fields; an empty one keeps the value above it. */
public class LimitFields implements Serializable {

    private Integer wallSeconds;
    private Integer cpuSeconds;
    private Integer memoryMib;
    private Integer processes;
    private Integer outputKib;

    static LimitFields of(CourseLimits limits) {
        LimitFields fields = new LimitFields();
        fields.wallSeconds = limits.wallSeconds();
        fields.cpuSeconds = limits.cpuSeconds();
        fields.memoryMib = limits.memoryMib();
        fields.processes = limits.processes();
        fields.outputKib = limits.outputKib();
        return fields;
    }

    CourseLimits toLimits() {
        return new CourseLimits(wallSeconds, cpuSeconds, memoryMib, processes, outputKib);
    }

    public Integer getWallSeconds() {
        return wallSeconds;
    }

    public void setWallSeconds(Integer wallSeconds) {
        this.wallSeconds = wallSeconds;
    }

    public Integer getCpuSeconds() {
        return cpuSeconds;
    }

    public void setCpuSeconds(Integer cpuSeconds) {
        this.cpuSeconds = cpuSeconds;
    }

    public Integer getMemoryMib() {
        return memoryMib;
    }

    public void setMemoryMib(Integer memoryMib) {
        this.memoryMib = memoryMib;
    }

    public Integer getProcesses() {
        return processes;
    }

    public void setProcesses(Integer processes) {
        this.processes = processes;
    }

    public Integer getOutputKib() {
        return outputKib;
    }

    public void setOutputKib(Integer outputKib) {
        this.outputKib = outputKib;
    }
}
