resource "aws_ecs_task_definition" "api" {
  family                   = var.family
  task_role_arn            = var.task_role_arn
  execution_role_arn       = var.exec_role_arn
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  requires_compatibilities = ["FARGATE"]

  container_definitions = jsonencode([
    {
      "name" : "${var.container_name}",
      "image" : "${var.container_image}",
      "portMappings" : "${var.port_mappings}",
      "environment" : "${var.environment}",
      "healthCheck" : "${var.health_check}"
      "logConfiguration" : {
        "logDriver" : "awslogs",
        "options" : {
          "awslogs-group" : aws_cloudwatch_log_group.api.name,
          "awslogs-region" : var.region,
          "awslogs-stream-prefix" : "api"
        }
      }
    }
  ])
}
