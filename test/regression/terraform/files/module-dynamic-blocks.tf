locals {
  container_definitions = { for k, v in module.container_definition : k => v.container_definition }
}

resource "aws_ecs_task_definition" "this" {
  count = local.create_task_definition ? 1 : 0

  container_definitions = jsonencode(values(local.container_definitions))
  cpu                   = var.cpu
  enable_fault_injection = var.enable_fault_injection

  dynamic "ephemeral_storage" {
    for_each = var.ephemeral_storage != null ? [var.ephemeral_storage] : []
    content {
      size_in_gib = ephemeral_storage.value.size_in_gib
    }
  }

  execution_role_arn = try(aws_iam_role.task_exec[0].arn, var.task_exec_iam_role_arn)
  family             = coalesce(var.family, var.name)
  ipc_mode           = var.ipc_mode
  memory             = var.memory
  network_mode       = var.network_mode
  pid_mode           = var.pid_mode

  dynamic "placement_constraints" {
    for_each = var.task_definition_placement_constraints != null ? var.task_definition_placement_constraints : {}
    content {
      expression = placement_constraints.value.expression
      type       = placement_constraints.value.type
    }
  }

  requires_compatibilities = var.requires_compatibilities

  dynamic "runtime_platform" {
    for_each = var.runtime_platform != null ? [var.runtime_platform] : []
    content {
      cpu_architecture        = runtime_platform.value.cpu_architecture
      operating_system_family = runtime_platform.value.operating_system_family
    }
  }

  task_role_arn = try(aws_iam_role.tasks[0].arn, var.tasks_iam_role_arn)

  dynamic "volume" {
    for_each = var.volume != null ? var.volume : {}
    content {
      name      = try(volume.value.name, volume.key)
      host_path = volume.value.host_path
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}
